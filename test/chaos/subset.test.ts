import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Summary } from './observe';
import { badInput, hostCrash, linkAbuse, passed } from './scenarios';
import { type ChaosStack, startChaosStack } from './stack';

/** The part of `npm run chaos` that runs in `npm test`: fewer runs and attempts, the same checks. */
let stack: ChaosStack;
before(async () => {
  stack = await startChaosStack();
});
after(async () => stack.stop());

const check = (summary: Summary) => assert.ok(passed(summary), JSON.stringify(summary));

test('host killed twice during mixed pipeline runs: every run finishes once, artefacts once, audit verifies', async () => {
  const summary = await hostCrash(stack, { radiology: 3, foia: 2, var: 1 }, 2);
  check(summary);
  assert.deepEqual([summary.completed, summary.lost, summary.duplicatedSideEffects], [6, 0, 0]);
});

test('bad input of every kind is answered or kept with its reason; the host stays up', async () => {
  check(await badInput(stack));
});

test('200 forged, altered and replayed review links change nothing', async () => {
  const summary = await linkAbuse(stack, 200);
  check(summary);
  assert.equal(summary.accepted, 0);
});
