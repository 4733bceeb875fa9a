import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { BlobAuditSink } from '../../shared/audit/blob-sink';
import { type ChainedRecord, chain } from '../../shared/audit/canonical';
import { chainBlobName } from '../../shared/audit/segments';
import { verifyAudit } from '../../shared/audit/verify';
import { type AuditStorage, auditStorage, DAY, headKey, modelCall, tamper, writeRecords } from './support';

describe('audit chains', () => {
  test('10,000 records from 8 concurrent writers verify OK with the exact count', async () => {
    const s = auditStorage('concurrent');
    const writers = Array.from(
      { length: 8 },
      (_, w) => new BlobAuditSink(s.container, s.heads, { key: headKey, writer: `writer-${w}` }),
    );
    await Promise.all(writers.map((writer, w) => writeRecords(writer, 1250, w * 1250)));
    const result = await verifyAudit(s.container, s.heads, DAY, DAY, headKey);
    assert.deepEqual([result.ok, result.records, result.chains, result.problems], [true, 10_000, 8, []]);
  });

  describe('each kind of tampering is named and located', () => {
    const blob = chainBlobName(DAY, 'w1');
    const prepared = async (name: string) => {
      const s = auditStorage(name);
      await writeRecords(new BlobAuditSink(s.container, s.heads, { key: headKey, writer: 'w1' }), 20);
      assert.equal((await verifyAudit(s.container, s.heads, DAY, DAY, headKey)).ok, true);
      return s;
    };
    /** The one problem verify reports, as kind, blob, line and seq, plus its text. */
    const onlyProblem = async (s: AuditStorage) => {
      const result = await verifyAudit(s.container, s.heads, DAY, DAY, headKey);
      assert.equal(result.ok, false);
      assert.equal(result.problems.length, 1, JSON.stringify(result.problems));
      const { problem, ...where } = result.problems[0]!;
      return { where, problem };
    };
    const swap = (i: number, j: number) => (lines: string[]) => {
      const copy = [...lines];
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
      return copy;
    };

    test('one flipped byte: edited, at the record', async () => {
      const s = await prepared('flip');
      await tamper(s.container, blob, (lines) =>
        lines.map((l, i) => (i === 7 ? l.replace('"costUsd":0.00125', '"costUsd":0.00126') : l)),
      );
      const { where, problem } = await onlyProblem(s);
      assert.deepEqual(where, { kind: 'edited', blob, line: 8, seq: 7 });
      assert.match(problem, /the record was edited/);
    });

    test('one deleted record: deleted, at the record after the gap, naming the missing seq', async () => {
      const s = await prepared('delete');
      await tamper(s.container, blob, (lines) => lines.filter((_, i) => i !== 5));
      const { where, problem } = await onlyProblem(s);
      assert.deepEqual(where, { kind: 'deleted', blob, line: 6, seq: 6 });
      assert.match(problem, /deleted: seq 5 missing$/);
    });

    test('two neighbours swapped: reordered, not deleted', async () => {
      const s = await prepared('swap');
      await tamper(s.container, blob, swap(3, 4));
      const { where, problem } = await onlyProblem(s);
      assert.deepEqual(where, { kind: 'reordered', blob, line: 4, seq: 4 });
      assert.match(problem, /seq 4 comes before seq 3 \(line 5\)/);
    });

    test('two distant records swapped: reordered, naming where the missing seq went', async () => {
      const s = await prepared('swapfar');
      await tamper(s.container, blob, swap(2, 9));
      const { where, problem } = await onlyProblem(s);
      assert.deepEqual(where, { kind: 'reordered', blob, line: 3, seq: 9 });
      assert.match(problem, /seq 2 belongs here but appears later, at line 10/);
    });

    test('a copied record inserted: inserted, at the copy', async () => {
      const s = await prepared('copy');
      await tamper(s.container, blob, (lines) => [...lines.slice(0, 5), lines[2]!, ...lines.slice(5)]);
      const { where, problem } = await onlyProblem(s);
      assert.deepEqual(where, { kind: 'inserted', blob, line: 6, seq: 2 });
      assert.match(problem, /seq 2 does not belong between seq 4 and seq 5/);
    });

    test('a forged record with a correct hash inserted: inserted, at the forgery', async () => {
      const s = await prepared('forge');
      await tamper(s.container, blob, (lines) => {
        const before = JSON.parse(lines[2]!) as ChainedRecord;
        const forged = chain(modelCall(999, { userId: 'intruder@bank.example' }), 3, before.hash);
        return [...lines.slice(0, 3), JSON.stringify(forged), ...lines.slice(3)];
      });
      const { where, problem } = await onlyProblem(s);
      assert.deepEqual(where, { kind: 'inserted', blob, line: 4, seq: 3 });
      assert.match(problem, /not the one the chain continues from \(line 5\)/);
    });

    test('a truncated chain: truncated, against its head', async () => {
      const s = await prepared('truncate');
      await tamper(s.container, blob, (lines) => lines.slice(0, 12));
      const { where, problem } = await onlyProblem(s);
      assert.deepEqual(where, { kind: 'truncated', blob, line: 12 });
      assert.match(problem, /truncated: ends at seq 11, head says 19$/);
    });

    test('a whole chain deleted: missing', async () => {
      const s = await prepared('gone');
      await s.container.deleteBlob(blob);
      const { where, problem } = await onlyProblem(s);
      assert.deepEqual(where, { kind: 'missing', blob });
      assert.match(problem, /chain missing: the head records seq 19/);
    });

    test('an unparseable line: unparseable, at the line', async () => {
      const s = await prepared('garble');
      await tamper(s.container, blob, (lines) => lines.map((l, i) => (i === 10 ? l.slice(0, -3) : l)));
      const { where } = await onlyProblem(s);
      assert.deepEqual(where, { kind: 'unparseable', blob, line: 11, seq: undefined });
    });
  });
});
