import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { burst, enclaveSubmit } from './burst';
import type { Summary } from './observe';
import { primaryHang } from './outages';
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

test('a small burst through `enclave submit` reaches review with a progress bar; nothing lost', async () => {
  const summary = await burst(stack, 10, 5, 120_000);
  check(summary);
  assert.equal(summary.readyForReview, 15);
  assert.match(String(summary.progressBar), /10\/10 100%/);
});

test('with the EU primary hanging, EU-only runs fail over inside Europe and complete', async () => {
  const summary = await primaryHang(stack, 2);
  check(summary);
  assert.equal(summary.completed, 2);
});

test('`enclave submit radiology` names the field of a rejected study and exits 1', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'enclave-submit-'));
  writeFileSync(path.join(dir, 'bad.json'), JSON.stringify({ patient: { name: 'X' } }));
  const result = await enclaveSubmit(stack, ['radiology', dir]);
  assert.equal(result.code, 1);
  assert.deepEqual((result.summary as { rejected: number }).rejected, 1);
  const line = JSON.parse(result.lines[0] ?? '{}') as { status?: string; where?: string };
  assert.deepEqual([line.status, line.where], ['rejected', 'patient.name']);
});
