import assert from 'node:assert/strict';
import { test } from 'node:test';
import { recogniseIdentifiers } from '../../shared/identifiers';
import { createDeidentifier, reidentify } from '../../shared/radiology/deidentify';
import { buildDraftPrompt } from '../../shared/radiology/prompt';
import { studySchema } from '../../shared/radiology/study';

/** Name classes the held-out corpus leaked, written with names and layouts the corpus never uses. */
const base = {
  patient: { name: 'Wiremu Ngata', mrn: 'MRN-55120934', dob: '1961-08-02', sex: 'male' },
  accessionNumber: 'ACC-2026-400917',
  modality: 'CT',
  bodyPart: 'Abdomen',
  examDescription: 'CT abdomen with contrast',
  studyDate: '2026-10-19',
  clinicalIndication: 'Right upper quadrant pain.',
  comparison: 'None.',
  technique: { contrast: 'iv', doseMgy: 7.1, route: 'left antecubital vein' },
  findings: [{ system: 'liver', observation: 'simple cyst in segment 6', severity: 'mild' }],
  dictation: 'No free air.',
  referringPhysician: 'Dr. Selin Yılmaz',
};

const personTexts = (text: string) =>
  recogniseIdentifiers(text)
    .filter((h) => h.kind === 'PERSON')
    .map((h) => h.text);

test('a given name written alone as the one who noted, confirmed or reviewed something is a name', () => {
  for (const [text, name] of [
    ['spleen, Tomasz noted', 'Tomasz'],
    ['Left kidney; Oluwaseun confirmed the site', 'Oluwaseun'],
    ['pancreas, per protocol. Dilnoza reviewed', 'Dilnoza'],
    ['Kalani said the contrast was stopped early', 'Kalani'],
  ] as const)
    assert.ok(personTexts(text).includes(name), `"${name}" not found in "${text}": ${personTexts(text)}`);
});

test('a clinical word or eponym in front of such a verb is not a name', () => {
  for (const text of [
    'Radiology noted a mass',
    'CT noted no change',
    'Patient reports pain',
    'Doppler confirmed flow',
    'Fleischner criteria applied',
  ])
    assert.deepEqual(personTexts(text), [], text);
});

test('a contact verb that starts the sentence still marks the name after it', () => {
  for (const [text, name] of [
    ['Paged Hye-jin Park about the result.', 'Hye-jin Park'],
    ['Informed Aroha Tamihana at 15:20.', 'Aroha Tamihana'],
    ['Called Eino Virtanen; no answer.', 'Eino Virtanen'],
  ] as const)
    assert.ok(personTexts(text).includes(name), `"${name}" not found in "${text}": ${personTexts(text)}`);
});

test('in a study: a bare given name in the organ-system field never reaches the prompt', () => {
  const study = studySchema.parse({
    ...base,
    findings: [{ system: 'liver, Aigerim noted', observation: 'simple cyst in segment 6', severity: 'mild' }],
    technique: { ...base.technique, route: 'left antecubital, RN Wiśniewski' },
  });
  const prompt = JSON.stringify(buildDraftPrompt(createDeidentifier(study).study));
  for (const token of ['Aigerim', 'Wiśniewski']) assert.ok(!prompt.includes(token), `the prompt contains ${token}`);
});

test('relatives and colleagues sharing a surname with the patient or physician keep a placeholder of their own', () => {
  const study = studySchema.parse({
    ...base,
    dictation: 'Wife Aroha Ngata present. Result given to Kemal Yılmaz, the on-call registrar.',
  });
  const deid = createDeidentifier(study);
  const prompt = JSON.stringify(buildDraftPrompt(deid.study));
  for (const token of ['Aroha', 'Kemal', 'Ngata', 'Yılmaz']) assert.ok(!prompt.includes(token), `prompt has ${token}`);
  assert.equal(reidentify(deid.study.dictation, deid.mapping), study.dictation, 'each person re-identifies as written');
  const typed = 'Called Kemal Yılmaz again; Aroha Ngata informed.';
  const clean = deid.text(typed);
  for (const token of ['Aroha', 'Kemal']) assert.ok(!clean.includes(token), `edit keeps ${token}: ${clean}`);
  assert.equal(reidentify(clean, deid.mapping), typed, 'the edit re-identifies with the same surrogates');
});

test('one surrogate per person across fields: the same relative in two fields and in the edit gets one placeholder', () => {
  const study = studySchema.parse({
    ...base,
    clinicalIndication: 'History from daughter Hemi Ngata-Parata.',
    dictation: 'Hemi Ngata-Parata waited outside.',
  });
  const deid = createDeidentifier(study);
  const [a] = deid.study.clinicalIndication.match(/\[PERSON(?:_\d+)?\]/) ?? [];
  const [b] = deid.study.dictation.match(/\[PERSON(?:_\d+)?\]/) ?? [];
  assert.ok(a, deid.study.clinicalIndication);
  assert.equal(b, a);
  assert.equal(deid.text('Hemi Ngata-Parata phoned.'), `${a} phoned.`);
});

test('a name typed in the edit that shares a surname seen alone in the study is another person, not a fragment', () => {
  const study = studySchema.parse({
    ...base,
    technique: { ...base.technique, route: 'left antecubital, RN Wiśniewski' },
  });
  const deid = createDeidentifier(study);
  for (const typed of ['Result read back by Ewa Wiśniewski at 16:00.', 'Left message for Ewa Wiśniewski.']) {
    const clean = deid.text(typed);
    assert.ok(!/Ewa|Wiśniewski/.test(clean), clean);
    assert.equal(reidentify(clean, deid.mapping), typed);
  }
});

test('held-out-2 classes: care roles, a name before its own e-mail, a name doing any past-tense act', () => {
  for (const [text, name] of [
    ['History obtained via interpreter Ayelet Ben-Haim.', 'Ayelet Ben-Haim'],
    ['Chaperone Siddharth Mukherjee present.', 'Siddharth Mukherjee'],
    ['Update: Ingvild Haugland (ingvild.haugland@example.no) rang back.', 'Ingvild Haugland'],
    ['From: Paulo Tuilagi <ptuilagi@example.ws>', 'Paulo Tuilagi'],
    ['18G right arm, Ximena placed', 'Ximena'],
    ['Okwuosa assisted with positioning', 'Okwuosa'],
  ] as const)
    assert.ok(personTexts(text).includes(name), `"${name}" not found in "${text}": ${personTexts(text)}`);
  assert.deepEqual(personTexts('Doppler showed flow; Hounsfield measured 20.'), []);
});

test('a surname that is also an English word, alone inside a sentence doing something, is removed from a study', () => {
  const study = studySchema.parse({
    ...base,
    findings: [{ system: 'general', observation: 'lungs clear; Fox assisted with positioning', severity: 'normal' }],
    dictation: 'Contrast given, Moon signed the consent; Radiology noted no reaction.',
  });
  const clean = createDeidentifier(study).study;
  assert.ok(!/Fox/.test(clean.findings[0]!.observation), clean.findings[0]!.observation);
  assert.match(
    clean.dictation,
    /^Contrast given, \[PERSON(?:_\d)?\] signed the consent; Radiology noted no reaction\.$/,
  );
});
