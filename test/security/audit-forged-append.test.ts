import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BlobAuditSink } from '../../shared/audit/blob-sink';
import { readHeads } from '../../shared/audit/heads';
import { chainBlobName } from '../../shared/audit/segments';
import { DAY, headKey, modelCall, storedLines } from '../audit/support';
import { appendToBlob, forgedLines, kinds, realDay, verify, writeHeadRow } from './audit-support';

test('a forged record appended to a real chain with its head updated is named: the head is forged, the chain unheaded', async () => {
  const s = await realDay('forgedappend');
  const [head] = (await readHeads(s.heads, DAY, DAY)).filter((h) => h.chain === 'app-1');
  const forged = forgedLines(1, head!);
  await appendToBlob(s, 'app-1', forged.text);
  await writeHeadRow(s.heads, 'app-1', forged);

  const result = await verify(s);
  assert.equal(result.ok, false, 'the forged record verifies OK');
  assert.deepEqual(kinds(result.problems), ['forged-head', 'unheaded']);
  // The real head was overwritten, so no signed head vouches for any of the chain any more.
  const tail = result.problems.find((p) => p.kind === 'unheaded')!;
  assert.equal(tail.blob, chainBlobName(DAY, 'app-1'));
  assert.match(tail.problem, /chain app-1 has no signed head/);
  assert.match(result.problems.find((p) => p.kind === 'forged-head')!.problem, /rewritten without the key/);
});

test('a forged record appended without touching the head is an unheaded tail', async () => {
  const s = await realDay('forgedtail');
  const [head] = (await readHeads(s.heads, DAY, DAY)).filter((h) => h.chain === 'app-2');
  await appendToBlob(s, 'app-2', forgedLines(2, head!).text);
  const result = await verify(s);
  assert.deepEqual(
    result.problems.map((p) => [p.kind, p.seq]),
    [['unheaded', 8]],
  );
  assert.match(result.problems[0]!.problem, /seq 8\.\.9 come after the last signed head \(seq 7\)/);
});

test('the writer never signs over a record someone else appended to its chain', async () => {
  const s = await realDay('launder');
  const sink = new BlobAuditSink(s.container, s.heads, { key: headKey, writer: 'app-4' });
  await sink.append(modelCall(1));
  const [head] = (await readHeads(s.heads, DAY, DAY)).filter((h) => h.chain === 'app-4');
  await appendToBlob(s, 'app-4', forgedLines(1, head!).text);
  await assert.rejects(sink.append(modelCall(2)), /append position|condition/i);
  await assert.rejects(sink.append(modelCall(3)), /ends in a record this writer did not write/);
  assert.equal((await storedLines(s.container, chainBlobName(DAY, 'app-4'))).length, 2);
  assert.deepEqual(kinds((await verify(s)).problems), ['unheaded']);
});
