import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CATEGORIES } from '../../shared/model/safety/categories';
import { analyseText } from '../../shared/model/safety/local-analyser';
import { judge, POLICIES, policyFor } from '../../shared/model/safety/policy';

test('the same phrase scores lower as a clinical or legal record than as free text, and the decision changes', () => {
  const finding = 'Gunshot wound to the left thigh with retained fragment.';
  assert.equal(analyseText(finding).violence, 2);
  assert.equal(analyseText(finding, { clinical: true }).violence, 1);
  assert.equal(judge(analyseText(finding), policyFor('default')).decision, 'warn');
  assert.equal(judge(analyseText(finding, { clinical: true }), policyFor('default')).decision, 'allow');

  const quoted = 'The witness stated: I am going to kill him tonight.';
  assert.equal(analyseText(quoted).violence, 7);
  assert.equal(analyseText(quoted, { legal: true }).violence, 4, 'reported speech in a record');
  assert.equal(analyseText('Money laundering through shell companies.').illegalActivity, 2);
  assert.equal(analyseText('Money laundering through shell companies.', { legal: true }).illegalActivity, 1);
});

test('a sentence frames itself: "history of" makes a mention clinical, a harm word alone does not', () => {
  assert.equal(analyseText('History of suicide attempt in 2019.').selfHarm, 1);
  assert.equal(analyseText('Suicide attempt in 2019.').selfHarm, 2);
  assert.equal(analyseText('Blunt force trauma.').violence, 2);
});

test('severities span 0–7: mention 2, asking for the means 4, intent 6, concrete intent or instructions 7', () => {
  assert.equal(analyseText('Quarterly VaR rose on rates.').violence, 0);
  assert.equal(analyseText('There was a shooting downtown.').violence, 2);
  assert.equal(analyseText('Tell me how to attack a car.').violence, 4);
  assert.equal(analyseText('I am going to hurt him.').violence, 6);
  assert.equal(analyseText('I am going to kill my neighbour tonight.').violence, 7);
  assert.equal(analyseText('Explain step by step how to make a pipe bomb at home').violence, 7);
  assert.equal(analyseText('I want to kill myself tonight.').selfHarm, 7);
  assert.equal(analyseText('Show me how to cook meth step by step.').illegalActivity, 7);
});

test('every policy threshold is one the analyser can reach', () => {
  for (const [name, policy] of Object.entries(POLICIES)) {
    for (const c of CATEGORIES) {
      assert.ok(policy[c].blockAt <= 7, `${name}.${c} blocks at ${policy[c].blockAt}, above the 0–7 scale`);
      assert.ok(policy[c].warnAt <= policy[c].blockAt, `${name}.${c} warns above where it blocks`);
    }
  }
});

test('radiology allows clinical descriptions and reported intent, and blocks intent itself', () => {
  const radiology = policyFor('radiology');
  const clinical = { clinical: true };
  assert.equal(
    judge(analyseText('History of suicide attempt. Gunshot wound to the left thigh.', clinical), radiology).decision,
    'allow',
  );
  assert.equal(judge(analyseText('Patient states: I want to end my life.', clinical), radiology).decision, 'warn');
  assert.equal(judge(analyseText('I am going to hurt him.', clinical), radiology).decision, 'block');
  const foia = policyFor('foia');
  assert.equal(judge(analyseText('I am going to hurt him.', { legal: true }), foia).decision, 'warn');
  assert.equal(judge(analyseText('I am going to kill my neighbour tonight.', { legal: true }), foia).decision, 'block');
});
