import assert from 'node:assert/strict';
import { test } from 'node:test';
import { radiologyDraftEngine } from '../../local/model/engines/radiology';
import { detectCritical } from '../../shared/radiology/critical';
import { deidentify, reidentify } from '../../shared/radiology/deidentify';
import { buildDraftPrompt } from '../../shared/radiology/prompt';
import { draftReportSchema } from '../../shared/radiology/report';
import { studySchema } from '../../shared/radiology/study';
import { FIXTURE_PHI, radiologyFixture } from './fixture-phi';

const fixture = radiologyFixture;
const study = studySchema.parse(fixture('chest-ct-critical.json'));
const PHI = FIXTURE_PHI;

test('de-identification removes names (also in free text, with titles and possessives), MRN, DOB, accession, dates and phones', () => {
  const { study: clean, mapping } = deidentify(study);
  const prompt = JSON.stringify(buildDraftPrompt(clean));
  for (const value of PHI) assert.ok(!prompt.includes(value), `the prompt still contains "${value}"`);
  assert.match(clean.clinicalIndication, /\[DATE_\d\]/);
  assert.match(clean.clinicalIndication, /\[PERSON(?:_\d)?\]'s daughter|\[PATIENT_NAME\]'s daughter/);
  assert.equal(clean.patient.ageYears, 69);
  assert.equal(reidentify('Patient [PATIENT_NAME], [MRN]', mapping), "Patient Margaret O'Connell, MRN-00482913");
});

/** Sentences that mention a stated negative without a negation word: a contradiction of the radiologist. */
function contradictions(texts: string[], negatives: string[]): string[] {
  const sentences = texts.flatMap((t) => t.split(/(?<=[.;])\s+/));
  return sentences.filter((s) =>
    negatives.some(
      (n) =>
        s.toLowerCase().includes(n.toLowerCase()) && !/\b(?:no|not|without|negative for|free of|absent)\b/i.test(s),
    ),
  );
}

test('the contradiction check catches a negated finding written as present', () => {
  assert.deepEqual(
    contradictions(['No consolidation. Left pleural effusion.'], ['pleural effusion', 'consolidation']),
    ['Left pleural effusion.'],
  );
});

test('dates in several formats are all replaced', () => {
  const s = studySchema.parse({
    ...fixture('chest-ct-critical.json'),
    dictation: 'Seen 2024-01-05, 05/01/2024, 5.1.2024, 3rd of March 2024 and Jan 5, 2024.',
  });
  const { study: clean } = deidentify(s);
  assert.doesNotMatch(clean.dictation, /\d{4}/);
  assert.equal((clean.dictation.match(/\[DATE_\d+\]/g) ?? []).length, 5);
});

test('critical results are found in findings and dictation, and negations are respected', () => {
  const critical = detectCritical(study.findings, study.dictation);
  assert.deepEqual(
    critical.map((c) => [c.name, c.acrCategory, c.laterality]),
    [['tension pneumothorax', 1, 'right']],
  );
  assert.deepEqual(
    detectCritical([], 'There is no pneumothorax. Subdural haematoma over the left convexity.').map((c) => c.name),
    ['intracranial haemorrhage'],
  );
});

test('the local radiology engine writes every section, keeps laterality and never contradicts a stated negative', async () => {
  const { study: clean } = deidentify(study);
  const prompt = buildDraftPrompt(clean);
  const reply = await radiologyDraftEngine({
    deployment: 'radiology-draft',
    messages: prompt.messages,
    responseFormat: prompt.responseFormat,
  });
  const draft = draftReportSchema.parse(JSON.parse(reply.content));
  const findings = draft.findings.map((f) => f.text).join(' ');
  assert.match(findings, /Right tension pneumothorax with leftward mediastinal shift, new since the prior study\./);
  assert.match(findings, /Left solid nodule in the upper lobe measuring 7 mm, unchanged from the prior study\./);
  assert.match(findings, /No consolidation\./);
  assert.match(findings, /No pleural effusion\./);
  const negatives = [
    ...study.findings.filter((f) => f.negated).map((f) => f.observation),
    ...[...study.dictation.matchAll(/\bNo ([a-z ]+)\./gi)].map((m) => m[1]!),
  ];
  assert.deepEqual(negatives, ['consolidation', 'pleural effusion', 'pulmonary embolism']);
  const sentences = [...draft.findings.map((f) => f.text), ...draft.impression, ...draft.recommendations];
  assert.deepEqual(contradictions(sentences, negatives), []);
  assert.match(draft.impression[0]!, /^CRITICAL: Right tension pneumothorax/);
  assert.match(draft.impression[1]!, /Right fracture of the 6th rib/);
  assert.ok(draft.recommendations.some((r) => /6–12 months \(Fleischner 2017\)/.test(r)));
  assert.match(draft.technique, /with intravenous contrast/);
});

test('tricky free text: another clinician named in findings, YYYY/MM/DD and month-year dates, the patient in lower case', () => {
  const tricky = studySchema.parse({
    ...fixture('chest-ct-critical.json'),
    findings: [
      ...fixture('chest-ct-critical.json').findings,
      { system: 'pleura', observation: 'drain position discussed with Dr. Alan Whitfield', severity: 'mild' },
      { system: 'lungs', observation: 'result telephoned to Sarah Lindqvist on the ward', severity: 'mild' },
    ],
    comparison: 'CT chest of 2024/03/05 and the chest radiograph of March 2024.',
    dictation:
      "margaret o'connell was informed; MARGARET O’CONNELL’s son present. Seen again March 3rd. No pulmonary embolism.",
  });
  const { study: clean, mapping } = deidentify(tricky);
  const prompt = JSON.stringify(buildDraftPrompt(clean));
  for (const value of ['Alan', 'Whitfield', 'Sarah', 'Lindqvist', '2024/03/05', 'March 2024', 'March 3rd', 'margaret'])
    assert.ok(!prompt.toLowerCase().includes(value.toLowerCase()), `the prompt still contains "${value}"`);
  assert.ok(!/o['’]connell/i.test(prompt), 'the patient surname in any case');
  assert.equal(clean.findings.at(-2)!.observation, 'drain position discussed with [PERSON]');
  assert.equal(clean.findings.at(-1)!.observation, 'result telephoned to [PERSON_2] on the ward');
  assert.equal(clean.comparison, 'CT chest of [DATE_2] and the chest radiograph of [DATE_3].');
  assert.match(
    clean.dictation,
    /^\[PATIENT_NAME\] was informed; \[PATIENT_NAME\]['’]s son present\. Seen again \[DATE_\d\]\./,
  );
  assert.equal(
    reidentify(clean.findings.at(-2)!.observation, mapping),
    'drain position discussed with Dr. Alan Whitfield',
  );
  assert.match(clean.dictation, /No pulmonary embolism\.$/, 'clinical text around the identifiers is kept');
});

test('measurements after a month-like word are not taken for dates', () => {
  const s = studySchema.parse({
    ...fixture('chest-ct-critical.json'),
    dictation: 'Nodule may 5 mm larger; recheck in May 2027.',
  });
  assert.equal(deidentify(s).study.dictation, 'Nodule may 5 mm larger; recheck in [DATE_3].');
});

test('a surname typed without its apostrophe or run together, and an MRN with a space, are still replaced', () => {
  const study = studySchema.parse({
    ...fixture('chest-ct-critical.json'),
    dictation: 'Mrs O Connell and Mrs OConnell (MRN 00482913) were told. No pulmonary embolism.',
  });
  const { study: clean } = deidentify(study);
  assert.equal(clean.dictation, 'Mrs [PATIENT_NAME] and Mrs [PATIENT_NAME] ([MRN]) were told. No pulmonary embolism.');
});

test("the patient's other identifiers (national number, another site's MRN) are removed from free text and put back", () => {
  const withIds = studySchema.parse({
    ...fixture('chest-ct-critical.json'),
    patient: { ...fixture('chest-ct-critical.json').patient, otherIds: ['9434765919', 'SJ-77120'] },
    dictation: 'NHS number 9434765919; prior films under SJ-77120. No pulmonary embolism.',
  });
  const { study: clean, mapping } = deidentify(withIds);
  const prompt = JSON.stringify(buildDraftPrompt(clean));
  for (const id of ['9434765919', 'SJ-77120']) assert.ok(!prompt.includes(id), `the prompt still contains "${id}"`);
  assert.equal(reidentify(clean.dictation, mapping), withIds.dictation);
});
