import assert from 'node:assert/strict';
import { test } from 'node:test';
import { varNarrativeEngine } from '../../local/model/engines/var';
import { generateDemoLake } from '../../shared/var/demo';
import { computeFactsSheet } from '../../shared/var/facts';
import { checkNarrativeGrounding } from '../../shared/var/grounding';
import { loadLake } from '../../shared/var/lake';
import { buildNarrativePrompt } from '../../shared/var/narrative';

async function demoFacts() {
  const demo = generateDemoLake('2026-11-24');
  const lake = (await loadLake({ read: async (p) => demo.files[p] }, '2026-11-24'))!;
  return computeFactsSheet(lake, '2026-11-24');
}

test('the local var-narrative engine writes from the facts sheet and every number it writes is grounded', async () => {
  const facts = await demoFacts();
  const { content } = await varNarrativeEngine({ deployment: 'var-narrative', messages: buildNarrativePrompt(facts) });
  assert.match(content, /As of 2026-11-24, the firm's 1-day 99% VaR is USD [\d,]+\.\d\d/);
  assert.match(content, /Basel (green|yellow|red) zone/);
  const grounding = checkNarrativeGrounding(content, facts);
  assert.equal(grounding.grounded, true, `unmatched: ${grounding.unmatched.join(', ')}`);
  assert.ok(grounding.checked >= 8);
});

test('a narrative that quotes a figure the code did not compute is rejected, naming the figure', async () => {
  const facts = await demoFacts();
  const wrong = `The 99% VaR rose to USD 1,234,567.89 and utilisation reached 101.37% on 2026-11-23.`;
  const grounding = checkNarrativeGrounding(wrong, facts);
  assert.equal(grounding.grounded, false);
  assert.deepEqual(grounding.unmatched, ['2026-11-23', '1,234,567.89', '101.37%']);
  const right = `The 99% VaR is USD ${(facts.var.var99 / 1000).toFixed(1)}k, ${facts.firm.utilisation.toFixed(2)}% of the limit.`;
  assert.equal(checkNarrativeGrounding(right, facts).grounded, true);
});

test('reviewer comments reach the next prompt and the engine adds the desk detail', async () => {
  const facts = await demoFacts();
  const messages = buildNarrativePrompt(facts, ['Please add the desk breakdown']);
  assert.match(messages[1]!.content, /sent the previous draft back with these comments/);
  const { content } = await varNarrativeEngine({ deployment: 'var-narrative', messages });
  assert.match(content, /Desk detail: credit component VaR USD/);
  assert.equal(checkNarrativeGrounding(content, facts).grounded, true);
});
