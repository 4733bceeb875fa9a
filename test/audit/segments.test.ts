import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { BlobAuditSink } from '../../shared/audit/blob-sink';
import { readHeads } from '../../shared/audit/heads';
import { queryAudit } from '../../shared/audit/query';
import { chainBlobName } from '../../shared/audit/segments';
import { verifyAudit } from '../../shared/audit/verify';
import { auditStorage, DAY, headKey, storedLines, writeOneByOne } from './support';

describe('a chain continues in a next segment before the append blob block limit', () => {
  const segment = (n: number) => chainBlobName(DAY, 'seg', n);
  /** 10 records, one block each, 3 blocks per segment: segments 0, 1, 2 full and 3 holding one record. */
  const rolled = async (name: string) => {
    const s = auditStorage(name);
    await writeOneByOne(
      new BlobAuditSink(s.container, s.heads, { key: headKey, writer: 'seg', maxBlocksPerSegment: 3 }),
      10,
    );
    return s;
  };

  test('segments link, the head points at the latest, verify and query follow them', async () => {
    const s = await rolled('rollover');
    const names: string[] = [];
    for await (const b of s.container.listBlobsFlat()) names.push(b.name);
    assert.deepEqual(names.sort(), [segment(0), segment(1), segment(2), segment(3)].sort());
    const last0 = JSON.parse((await storedLines(s.container, segment(0))).at(-1)!);
    const first1 = JSON.parse((await storedLines(s.container, segment(1)))[0]!);
    assert.deepEqual([first1.seq, first1.prevHash], [last0.seq + 1, last0.hash]);
    const [head] = await readHeads(s.heads, DAY, DAY);
    assert.deepEqual([head?.blob, head?.seq], [segment(3), 9]);
    const result = await verifyAudit(s.container, s.heads, DAY, DAY, headKey);
    assert.deepEqual([result.ok, result.records, result.chains, result.segments], [true, 10, 1, 4]);
    const records = await queryAudit(s.container, { from: DAY, to: DAY });
    assert.deepEqual(
      records.map((r) => r.seq),
      [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
    );
  });

  test('a restarted writer continues in the latest segment', async () => {
    const s = await rolled('restart');
    await writeOneByOne(
      new BlobAuditSink(s.container, s.heads, { key: headKey, writer: 'seg', maxBlocksPerSegment: 3 }),
      3,
      10,
    );
    assert.equal((await storedLines(s.container, segment(3))).length, 3);
    assert.equal((await storedLines(s.container, chainBlobName(DAY, 'seg', 4))).length, 1);
    const result = await verifyAudit(s.container, s.heads, DAY, DAY, headKey);
    assert.deepEqual([result.ok, result.records, result.segments], [true, 13, 5]);
  });

  test('a deleted middle segment is a deletion at the next segment, naming the segment', async () => {
    const s = await rolled('middle');
    await s.container.deleteBlob(segment(1));
    const result = await verifyAudit(s.container, s.heads, DAY, DAY, headKey);
    const { problem, ...where } = result.problems[0]!;
    assert.equal(result.problems.length, 1);
    assert.deepEqual(where, { kind: 'deleted', blob: segment(2), line: 1, seq: 6 });
    assert.match(problem, /seqs 3\.\.5 missing; segment 1 is gone$/);
  });

  test('a deleted latest segment is a truncation against the head', async () => {
    const s = await rolled('latest');
    await s.container.deleteBlob(segment(3));
    const result = await verifyAudit(s.container, s.heads, DAY, DAY, headKey);
    assert.equal(result.problems.length, 1);
    assert.equal(result.problems[0]!.kind, 'truncated');
    assert.match(
      result.problems[0]!.problem,
      /ends at seq 8, head says 9 \(its latest segment .*seg\.3\.jsonl is gone\)/,
    );
  });
});
