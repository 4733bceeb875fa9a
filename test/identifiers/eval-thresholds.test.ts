import assert from 'node:assert/strict';
import { test } from 'node:test';
import { generate, PART_NAMES } from '../eval/corpus/generate';
import { evaluate, loadCorpus } from '../eval/run';

const every = <T>(xs: T[], n: number) => xs.filter((_, i) => i % n === 0);

test('the committed corpus is what the generator writes (nobody edited it by hand)', () => {
  for (const part of PART_NAMES)
    assert.deepEqual(
      loadCorpus(part),
      JSON.parse(JSON.stringify(generate(part))),
      `${part}.json differs from the generator`,
    );
});

for (const part of ['heldout', 'heldout2'] as const)
  test(`${part} slice: FOIA F1 >= 0.90, no SSN/phone/e-mail missed, <= 5 % must-not-redact hits, no PHI in prompts or fine-tuning lines`, async () => {
    const corpus = loadCorpus(part);
    const slice = { foia: every(corpus.foia, 3), radiology: every(corpus.radiology, 3) };
    const { foia, radiology } = await evaluate(slice);
    const all = foia.perCategory.find((r) => r.category === 'ALL')!;
    assert.ok(all.f1 >= 0.9, `span F1 ${all.f1} fell below 0.90`);
    assert.deepEqual(foia.missed, { SSN: 0, PHONE: 0, EMAIL: 0 });
    assert.ok(foia.mustNot.rate <= 0.05, `must-not-redact hit rate ${foia.mustNot.rate}`);
    assert.deepEqual(radiology.leaks, [], 'no PHI token may reach a prompt or a fine-tuning line');
  });
