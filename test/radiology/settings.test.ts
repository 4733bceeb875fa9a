import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readRadiologySettings } from '../../shared/config/radiology';
import { CRITICAL_RULES, detectCritical } from '../../shared/radiology/critical';
import { studySchema } from '../../shared/radiology/study';

const cord = { name: 'spinal cord compression', pattern: 'cord compression', acrCategory: 1 };
const finding = (observation: string) =>
  studySchema.parse({
    patient: { name: 'Test Patient', mrn: 'MRN-1234', dob: '1960-01-01', sex: 'male' },
    accessionNumber: 'ACC-1234',
    modality: 'MR',
    bodyPart: 'Spine',
    examDescription: 'MR spine',
    studyDate: '2026-11-30',
    findings: [{ system: 'spine', observation, laterality: 'midline', severity: 'severe' }],
  }).findings;

test('RADIOLOGY_CRITICAL_FINDINGS extends the default list; the site rule is detected and the defaults still are', () => {
  const { criticalRules } = readRadiologySettings({ RADIOLOGY_CRITICAL_FINDINGS: JSON.stringify([cord]) });
  assert.equal(criticalRules.length, CRITICAL_RULES.length + 1);
  assert.deepEqual(detectCritical(finding('metastatic cord compression at T8'), '', criticalRules), [
    { name: 'spinal cord compression', acrCategory: 1, source: 'findings', laterality: 'midline' },
  ]);
  assert.deepEqual(detectCritical(finding('metastatic cord compression at T8'), ''), [], 'not in the default list');
  assert.deepEqual(
    detectCritical([], 'Large subdural haematoma.', criticalRules).map((c) => c.name),
    ['intracranial haemorrhage'],
  );
});

test('a rule named like a default replaces it in place; mode "replace" keeps only the site list', () => {
  const softer = { name: 'Pneumothorax', pattern: 'pneumothorax', acrCategory: 3 };
  const extended = readRadiologySettings({ RADIOLOGY_CRITICAL_FINDINGS: JSON.stringify([softer]) }).criticalRules;
  assert.equal(extended.length, CRITICAL_RULES.length);
  assert.deepEqual(
    detectCritical([], 'Small apical pneumothorax.', extended).map((c) => [c.name, c.acrCategory]),
    [['Pneumothorax', 3]],
  );
  const replaced = readRadiologySettings({
    RADIOLOGY_CRITICAL_FINDINGS: JSON.stringify({ mode: 'replace', findings: [cord] }),
  }).criticalRules;
  assert.deepEqual(
    replaced.map((r) => r.name),
    ['spinal cord compression'],
  );
  assert.deepEqual(detectCritical([], 'Tension pneumothorax.', replaced), []);
  assert.equal(readRadiologySettings({}).criticalRules, CRITICAL_RULES);
});

test('a wrong RADIOLOGY_CRITICAL_FINDINGS is refused with the setting and the place named', () => {
  const refused = (value: string) => () => readRadiologySettings({ RADIOLOGY_CRITICAL_FINDINGS: value });
  assert.throws(refused('[{"name":'), /^ConfigError: setting RADIOLOGY_CRITICAL_FINDINGS: is not valid JSON/);
  assert.throws(
    refused(JSON.stringify([{ ...cord, acrCategory: 4 }])),
    /setting RADIOLOGY_CRITICAL_FINDINGS: 0\.acrCategory: /,
  );
  assert.throws(
    refused(JSON.stringify([{ ...cord, pattern: 'cord (compression' }])),
    /setting RADIOLOGY_CRITICAL_FINDINGS: 0\.pattern is not a valid regular expression/,
  );
  assert.throws(
    refused(JSON.stringify({ mode: 'replace', findings: [] })),
    /setting RADIOLOGY_CRITICAL_FINDINGS: replaces the list with nothing/,
  );
  assert.throws(
    () => readRadiologySettings({ RADIOLOGY_SIGNING_KEY_ID: 'radiology-signing' }),
    /setting RADIOLOGY_SIGNING_KEY_ID: must be a Key Vault key id/,
  );
});
