import assert from 'node:assert/strict';
import { test } from 'node:test';
import { generate } from '../eval/corpus/generate';
import { evaluate, loadCorpus } from '../eval/run';

const every = <T>(xs: T[], n: number) => xs.filter((_, i) => i % n === 0);

test('the committed corpus is what the generator writes (nobody edited it by hand)', () => {
  for (const part of ['dev', 'heldout'] as const)
    assert.deepEqual(
      loadCorpus(part),
      JSON.parse(JSON.stringify(generate(part))),
      `${part}.json differs from the generator`,
    );
});

test('held-out slice: FOIA F1, no SSN/phone/e-mail missed, must-not-redact hits and PHI leaks within the measured figures', async () => {
  const corpus = loadCorpus('heldout');
  const slice = { foia: every(corpus.foia, 3), radiology: every(corpus.radiology, 3) };
  const { foia, radiology } = await evaluate(slice);
  const all = foia.perCategory.find((r) => r.category === 'ALL')!;
  assert.ok(all.f1 >= 0.93, `span F1 ${all.f1} fell below 0.93`);
  assert.deepEqual(foia.missed, { SSN: 0, PHONE: 0, EMAIL: 0 });
  assert.ok(foia.mustNot.rate <= 0.05, `must-not-redact hit rate ${foia.mustNot.rate}`);
  assert.ok(radiology.leaks.length <= 4, `PHI tokens left: ${radiology.leaks.length}`);
});
