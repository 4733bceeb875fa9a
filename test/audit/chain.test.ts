import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { TableClient } from '@azure/data-tables';
import { BlobAuditSink, chainBlobName } from '../../shared/audit/blob-sink';
import { queryAudit, toCsv } from '../../shared/audit/query';
import type { AuditRecord, ModelCallRecord, PipelineRecord, ReviewRecord } from '../../shared/audit/records';
import { verifyAudit } from '../../shared/audit/verify';
import { blobService, testStorage } from '../support/storage';

const DAY = '2026-11-25';
const sha = (text: string) => createHash('sha256').update(text).digest('hex');
let n = 0;

function storage(name: string) {
  const suffix = `${name}${Date.now().toString(36)}${n++}`;
  return {
    container: blobService().getContainerClient(`audit-${suffix}`.toLowerCase()),
    heads: TableClient.fromConnectionString(testStorage(), `heads${suffix}`.replace(/[^A-Za-z0-9]/g, ''), {
      allowInsecureConnection: true,
    }),
  };
}

const modelCall = (i: number, overrides: Partial<ModelCallRecord> = {}): ModelCallRecord => ({
  kind: 'model-call',
  timestamp: `${DAY}T10:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}.000Z`,
  requestId: `req-${i}`,
  userId: `user-${i % 5}@bank.example`,
  ipAddress: '10.0.0.1',
  model: 'gpt-4o',
  deployment: 'var-narrative',
  tokensUsed: { prompt: 100, completion: 50, total: 150 },
  region: 'eastus',
  dataClassification: 'confidential',
  pipeline: i % 2 === 0 ? 'var' : 'foia',
  endpoint: 'eastus',
  attempts: [{ endpoint: 'eastus', region: 'eastus', outcome: 'ok', status: 200, latencyMs: 12 }],
  latencyMs: 12,
  safety: {},
  costUsd: 0.00125,
  promptSha256: sha(`prompt ${i}`),
  outcome: 'ok',
  residencyPolicy: 'data-zone:americas',
  ...overrides,
});

async function writeRecords(sink: BlobAuditSink, count: number, offset = 0) {
  await Promise.all(Array.from({ length: count }, (_, i) => sink.append(modelCall(offset + i))));
}

async function tamper(
  container: ReturnType<typeof storage>['container'],
  blobName: string,
  edit: (lines: string[]) => string[],
) {
  const blob = container.getAppendBlobClient(blobName);
  const lines = (await blob.downloadToBuffer()).toString('utf8').split('\n').filter(Boolean);
  const text = `${edit(lines).join('\n')}\n`;
  await blob.delete();
  await blob.create();
  await blob.appendBlock(text, Buffer.byteLength(text));
}

describe('audit trail', () => {
  test('10,000 records from 8 concurrent writers verify OK with the exact count', async () => {
    const s = storage('concurrent');
    const writers = Array.from({ length: 8 }, (_, w) => new BlobAuditSink(s.container, s.heads, `writer-${w}`));
    await Promise.all(writers.map((writer, w) => writeRecords(writer, 1250, w * 1250)));
    const result = await verifyAudit(s.container, s.heads, DAY, DAY);
    assert.deepEqual([result.ok, result.records, result.chains], [true, 10_000, 8]);
  });

  describe('tampering is found and located', () => {
    const prepared = async (name: string) => {
      const s = storage(name);
      const sink = new BlobAuditSink(s.container, s.heads, 'w1');
      await writeRecords(sink, 20);
      assert.equal((await verifyAudit(s.container, s.heads, DAY, DAY)).ok, true);
      return { s, blob: chainBlobName(DAY, 'w1') };
    };
    const firstProblem = async (s: ReturnType<typeof storage>) => {
      const result = await verifyAudit(s.container, s.heads, DAY, DAY);
      assert.equal(result.ok, false);
      return result.problems[0]!;
    };

    test('one flipped byte', async () => {
      const { s, blob } = await prepared('flip');
      await tamper(s.container, blob, (lines) =>
        lines.map((l, i) => (i === 7 ? l.replace('"costUsd":0.00125', '"costUsd":0.00126') : l)),
      );
      const p = await firstProblem(s);
      assert.deepEqual([p.line, p.seq], [8, 7]);
      assert.match(p.problem, /edited/);
    });

    test('one deleted record', async () => {
      const { s, blob } = await prepared('delete');
      await tamper(s.container, blob, (lines) => lines.filter((_, i) => i !== 5));
      const p = await firstProblem(s);
      assert.equal(p.line, 6);
      assert.match(p.problem, /deleted/);
    });

    test('two swapped records', async () => {
      const { s, blob } = await prepared('swap');
      await tamper(s.container, blob, (lines) => {
        const copy = [...lines];
        [copy[3], copy[4]] = [copy[4]!, copy[3]!];
        return copy;
      });
      const p = await firstProblem(s);
      assert.equal(p.line, 4);
      assert.match(p.problem, /reordered|deleted/);
    });

    test('a truncated chain', async () => {
      const { s, blob } = await prepared('truncate');
      await tamper(s.container, blob, (lines) => lines.slice(0, 12));
      const p = await firstProblem(s);
      assert.match(p.problem, /truncated: ends at seq 11, head says 19/);
    });

    test('a whole chain deleted', async () => {
      const { s, blob } = await prepared('gone');
      await s.container.deleteBlob(blob);
      const p = await firstProblem(s);
      assert.match(p.problem, /chain missing/);
    });
  });

  test('query filters return exactly the matching records, and export writes CSV', async () => {
    const s = storage('query');
    const sink = new BlobAuditSink(s.container, s.heads, 'q');
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

  test('unknown kinds and free text that looks like personal data are rejected, naming the field', async () => {
    const s = storage('reject');
    const sink = new BlobAuditSink(s.container, s.heads, 'r');
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

  test('records built from radiology and FOIA inputs store no name, MRN, SSN, address or prompt text', async () => {
    const phi = JSON.parse(
      readFileSync(path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'audit', 'phi.json'), 'utf8'),
    );
    const s = storage('phi');
    const sink = new BlobAuditSink(s.container, s.heads, 'phi');
    await sink.append(
      modelCall(1, {
        pipeline: 'radiology',
        dataClassification: 'phi',
        promptSha256: sha(phi.radiology.prompt),
        instanceId: `radiology-${sha(phi.radiology.accession).slice(0, 16)}`,
        userId: 'dr.byrne@hospital.example',
      }),
    );
    await sink.append(
      modelCall(2, {
        pipeline: 'foia',
        dataClassification: 'pii',
        promptSha256: sha(phi.foia.prompt),
        instanceId: `foia-${sha(phi.foia.prompt).slice(0, 16)}`,
        userId: 'counsel@agency.example',
      }),
    );
    await sink.append({
      kind: 'review',
      timestamp: `${DAY}T12:00:00.000Z`,
      event: 'decision',
      pipeline: 'radiology',
      instanceId: 'radiology-abc',
      subjectId: 'study-abc',
      reviewer: 'dr.byrne@hospital.example',
      decision: 'modified',
      diffSha256: sha('impression edited'),
    });
    const stored = (await s.container.getBlobClient(chainBlobName(DAY, 'phi')).downloadToBuffer()).toString('utf8');
    const secrets = [
      phi.radiology.patient.name,
      phi.radiology.patient.mrn,
      phi.radiology.patient.dob,
      phi.radiology.patient.address,
      phi.radiology.accession,
      phi.radiology.prompt,
      phi.foia.requester,
      phi.foia.ssn,
      phi.foia.address,
      phi.foia.prompt,
      'pneumothorax',
      'Mendez',
    ];
    for (const secret of secrets) assert.ok(!stored.includes(secret), `stored audit bytes contain "${secret}"`);
    assert.equal(stored.split('\n').filter(Boolean).length, 3);
  });
});
