import assert from 'node:assert/strict';
import { test } from 'node:test';
import { appendToBlob, forgedLines, kinds, realDay, verify, writeHeadRow } from './audit-support';

test('a made-up chain under a new writer name is named: unheaded and unlisted, and a forged head for it too', async () => {
  const s = await realDay('madeup');
  const forged = forgedLines(5);
  await appendToBlob(s, 'app-3', forged.text);

  const bare = await verify(s);
  assert.equal(bare.ok, false, 'a chain no writer made verifies OK');
  assert.deepEqual(kinds(bare.problems), ['unheaded', 'unlisted']);
  assert.match(bare.problems.find((p) => p.kind === 'unheaded')!.problem, /chain app-3 has no signed head/);

  // The insider also writes the head row the sink would have written: without the key it is a forgery.
  await writeHeadRow(s.heads, 'app-3', forged);
  const headed = await verify(s);
  assert.deepEqual(kinds(headed.problems), ['forged-head', 'unheaded', 'unlisted']);
  assert.match(headed.problems.find((p) => p.kind === 'forged-head')!.problem, /carries no signature/);
});
