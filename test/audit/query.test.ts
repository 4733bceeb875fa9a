import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { BlobAuditSink } from '../../shared/audit/blob-sink';
import { queryAudit, toCsv } from '../../shared/audit/query';
import { readRecords } from '../../shared/audit/reader';
import type { AuditRecord, PipelineRecord, ReviewRecord } from '../../shared/audit/records';
import { chainBlobName } from '../../shared/audit/segments';
import { UnreadableAuditLineError, type UnreadableLine } from '../../shared/audit/unreadable';
import { enclave } from '../support/cli';
import { testStorage } from '../support/storage';
import { type AuditStorage, auditStorage, DAY, headKey, modelCall, sha, tamper, writeRecords } from './support';

const DAYS = ['2026-11-24', '2026-11-25', '2026-11-26'];

/** The built `enclave` CLI, pointed at a test container and heads table. */
const cli = (s: AuditStorage, args: string[]) =>
  enclave(args, {
    ENCLAVE_ENV: 'local',
    AzureWebJobsStorage: testStorage(),
    AUDIT_CONTAINER: s.container.containerName,
    AUDIT_HEADS_TABLE: s.heads.tableName,
  });

/** Four records on each of three days, one writer. */
async function threeDays(name: string) {
  const s = auditStorage(name);
  const sink = new BlobAuditSink(s.container, s.heads, { key: headKey, writer: 'q' });
  for (const [d, day] of DAYS.entries()) for (let i = 0; i < 4; i++) await sink.append(modelCall(d * 10 + i, {}, day));
  return s;
}

describe('audit query and readers', () => {
  test('query filters return exactly the matching records, and export writes CSV', async () => {
    const s = auditStorage('query');
    const sink = new BlobAuditSink(s.container, s.heads, { key: headKey, writer: 'q' });
    await writeRecords(sink, 30);
    const review: ReviewRecord = {
      kind: 'review',
      timestamp: `${DAY}T11:00:00.000Z`,
      event: 'decision',
      pipeline: 'var',
      instanceId: 'var-2026-11-25',
      subjectId: '2026-11-25',
      reviewer: 'risk.manager@bank.example',
      decision: 'approved',
      diffSha256: sha('diff'),
    };
    await sink.append(review);
    const varByUser = await queryAudit(s.container, {
      from: DAY,
      to: DAY,
      pipeline: 'var',
      user: 'user-2@bank.example',
    });
    assert.deepEqual(
      varByUser.map((r) => r.requestId),
      ['req-2', 'req-12', 'req-22'],
    );
    const reviews = await queryAudit(s.container, { from: DAY, to: DAY, kind: 'review' });
    assert.deepEqual(
      reviews.map((r) => r.reviewer),
      ['risk.manager@bank.example'],
    );
    const csv = toCsv(await queryAudit(s.container, { from: DAY, to: DAY, pipeline: 'foia' }));
    assert.equal(csv.split('\n').length, 16);
    assert.ok(csv.startsWith('timestamp,kind,event,pipeline'));
  });

  test('`enclave audit query --from --to` returns the records of exactly those days', async () => {
    const s = await threeDays('twodays');
    const run = cli(s, ['audit', 'query', '--from', DAYS[0]!, '--to', DAYS[1]!, '--json']);
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(
      run.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).requestId),
      ['req-0', 'req-1', 'req-2', 'req-3', 'req-10', 'req-11', 'req-12', 'req-13'],
    );
    const varOnly = cli(s, ['audit', 'query', '--from', DAYS[1]!, '--to', DAYS[2]!, '--pipeline', 'var']);
    assert.equal(varOnly.code, 0, varOnly.stderr);
    assert.match(varOnly.stdout, /4 record\(s\)\n$/);
  });

  test('an edited, unparseable line: query skips it and names it, cost fails naming blob and line', async () => {
    const s = await threeDays('edited');
    const blob = chainBlobName(DAYS[1]!, 'q');
    await tamper(s.container, blob, (lines) => lines.map((l, i) => (i === 1 ? l.slice(7) : l)));

    const query = cli(s, ['audit', 'query', '--from', DAYS[0]!, '--to', DAYS[2]!, '--json']);
    assert.equal(query.code, 0, query.stderr);
    assert.equal(query.stdout.trim().split('\n').length, 11);
    assert.match(query.stderr, new RegExp(`skipped ${blob} line 2: not a JSON record`));

    const cost = cli(s, ['cost', '--month', '2026-11']);
    assert.equal(cost.code, 1);
    assert.match(cost.stderr, new RegExp(`audit blob ${blob} line 2 is not a JSON record`));
    assert.doesNotMatch(cost.stderr, /SyntaxError|Unexpected token|at JSON\.parse/);

    await assert.rejects(readRecords(s.container, DAYS[0]!, DAYS[2]!), UnreadableAuditLineError);
    const skipped: UnreadableLine[] = [];
    const records = await readRecords(s.container, DAYS[0]!, DAYS[2]!, { onUnreadable: (u) => skipped.push(u) });
    assert.deepEqual([records.length, skipped], [11, [{ blob, line: 2 }]]);
  });

  test('unknown kinds and free text that looks like personal data are rejected, naming the field', async () => {
    const s = auditStorage('reject');
    const sink = new BlobAuditSink(s.container, s.heads, { key: headKey, writer: 'r' });
    await assert.rejects(
      sink.append({ kind: 'gossip', timestamp: `${DAY}T00:00:00Z` } as unknown as AuditRecord),
      /unknown record kind/,
    );
    const withPhi: PipelineRecord = {
      kind: 'pipeline',
      timestamp: `${DAY}T00:00:00.000Z`,
      event: 'filed',
      pipeline: 'foia',
      instanceId: 'foia-x',
      subjectId: 'req-1',
      actor: 'system',
      detail: 'SSN 123-45-6789 found',
    };
    await assert.rejects(sink.append(withPhi), /detail: looks like personal data/);
  });
});
