import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { UserError } from '../../../shared/errors';
import { fieldValue, parseEr7 } from '../../../shared/radiology/inputs/hl7v2-grammar';
import { studyFromHl7v2 } from '../../../shared/radiology/inputs/hl7v2-order';

const fixture = readFileSync(
  path.join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'radiology', 'chest-ct-orm.hl7'),
  'utf8',
);
const lines = fixture.split('\r').filter(Boolean);
const segment = (name: string) => lines.find((l) => l.startsWith(`${name}|`))!;
const without = (...names: string[]) => lines.filter((l) => !names.includes(l.slice(0, 3)));
/** Replaces field n of the named segment (n ≥ 1, not MSH). */
function withField(name: string, n: number, value: string): string[] {
  return lines.map((l) => {
    if (!l.startsWith(`${name}|`)) return l;
    const parts = l.split('|');
    while (parts.length <= n) parts.push('');
    parts[n] = value;
    return parts.join('|');
  });
}
const rejects = (text: string, where: RegExp | string, message?: RegExp) =>
  assert.throws(
    () => studyFromHl7v2(text, 'body'),
    (e: unknown) => {
      assert.ok(e instanceof UserError, String(e));
      if (typeof where === 'string') assert.equal(e.where, where);
      else assert.match(e.where ?? '', where);
      if (message) assert.match(e.message, message);
      return true;
    },
  );

test('the ORM^O01 fixture maps to the same study a JSON submission gives', () => {
  const { study } = studyFromHl7v2(fixture, 'body');
  assert.deepEqual(study.patient, {
    name: "Margaret O'Connell",
    mrn: 'MRN-00482913',
    dob: '1957-03-14',
    sex: 'female',
    otherIds: ['9434765919'],
  });
  assert.equal(study.accessionNumber, 'ACC-2026-118842', 'OBR-18 wins over the filler order number');
  assert.deepEqual(
    [study.modality, study.bodyPart, study.examDescription, study.studyDate],
    ['CT', 'Chest', 'CT chest with contrast', '2026-11-24'],
  );
  assert.equal(study.technique.contrast, 'iv');
  assert.match(study.clinicalIndication, /^Suspected pneumothorax Sudden dyspnoea .* history of smoking\.$/);
  assert.match(
    study.dictation,
    /^Right tension pneumothorax .*\nLeft upper lobe solid nodule 7 mm, unchanged\.\nDr\. Patel/,
  );
  assert.equal(study.referringPhysician, 'Dr. Amit Patel');
});

test('LF separators, custom encoding characters and escape sequences are honoured', () => {
  const custom = fixture
    .replace('MSH|^~\\&|', 'MSH#*!$@#')
    .split('\r')
    .filter(Boolean)
    .map((l) =>
      l.startsWith('MSH')
        ? l.slice(0, 8) + l.slice(8).replaceAll('|', '#').replaceAll('^', '*')
        : l.replaceAll('|', '#').replaceAll('^', '*').replaceAll('~', '!'),
    )
    .map((l) =>
      l.startsWith('OBX#2')
        ? l.replace(
            'No pulmonary embolism.',
            'Pleura$F$fissure$S$apex$T$base$R$rim$E$ok$.br$No pulmonary embolism$X2e$',
          )
        : l,
    )
    .join('\n');
  const { study } = studyFromHl7v2(custom, 'body');
  assert.equal(study.patient.mrn, 'MRN-00482913', 'PID-3 repetitions split on "!", components on "*"');
  assert.equal(study.patient.name, "Margaret O'Connell");
  assert.match(study.dictation, /Pleura#fissure\*apex@base!rim\$ok\nNo pulmonary embolism\./);
});

test('an escaped separator does not split a field, and the MR identifier is chosen among repeated PID-3', () => {
  const text = withField('PID', 3, '9434765919^^^NHS^NH~MRN-00482913^^^STJUDE^MR')
    .map((l) =>
      l.startsWith('OBR|') ? l.replace('CT chest with contrast', 'CT chest \\T\\ upper abdomen with contrast') : l,
    )
    .join('\r');
  const { study } = studyFromHl7v2(text, 'body');
  assert.equal(study.patient.mrn, 'MRN-00482913');
  assert.equal(study.examDescription, 'CT chest & upper abdomen with contrast');
  assert.equal(study.bodyPart, 'Chest and abdomen');
});

test('segments in another order, no PV1/ORC/NTE, Z-segments and an MLLP frame still map', () => {
  const reordered = [
    lines[0]!,
    'ZDS|1.2.840.113619.2.55^^Application^DICOM',
    segment('PID'),
    segment('OBR').replace('|ACC-2026-118842|', '||'),
    'ZPI|site-specific|data',
    segment('OBX'),
  ];
  const { study } = studyFromHl7v2(`\u000b${reordered.join('\r\n')}\r\n\u001c\r`, 'body');
  assert.equal(study.accessionNumber, 'FL-5521', 'without OBR-18 and ORC, the filler order number OBR-3');
  assert.equal(
    study.clinicalIndication,
    'Suspected pneumothorax Sudden dyspnoea and right-sided chest pain after a fall on 22/11/2026.',
  );
  assert.equal(study.referringPhysician, 'Dr. Amit Patel', 'OBR-16, with no PV1');
});

test('OMI^O23 takes accession and modality from IPC; OBR-24 table 0074 codes map to modalities', () => {
  const omi = [
    ...withField('OBR', 24, '').map((l) => l.replace('ORM^O01^ORM_O01', 'OMI^O23^OMI_O23')),
    'IPC|ACC-2026-900001|RP-1|1.2.840.113619.2.55.3|SPS-1|MR',
  ].join('\r');
  const { study } = studyFromHl7v2(omi, 'body');
  assert.deepEqual([study.accessionNumber, study.modality], ['ACC-2026-900001', 'MR']);
  assert.equal(studyFromHl7v2(withField('OBR', 24, 'RX').join('\r'), 'body').study.modality, 'XR');
  const fromText = withField('OBR', 24, 'RAD').map((l) => l.replace('CT chest with contrast', 'US abdomen'));
  assert.deepEqual(
    [
      studyFromHl7v2(fromText.join('\r'), 'body').study.modality,
      studyFromHl7v2(fromText.join('\r'), 'body').study.technique.contrast,
    ],
    ['US', 'none'],
  );
});

test('errors name the segment and field at fault', () => {
  rejects(withField('PID', 8, 'Q').join('\r'), 'PID-8 (administrative sex)', /"Q" is not an HL7 table 0001 code/);
  rejects(withField('OBR', 4, '').join('\r'), 'OBR-4 (universal service identifier)', /missing/);
  rejects(withField('PID', 7, '1957').join('\r'), 'PID-7 (date of birth)', /YYYY-MM-DD/);
  rejects(withField('PID', 3, '').join('\r'), 'PID-3 (patient identifier list)');
  rejects(without('PID').join('\r'), 'PID', /no PID segment/);
  rejects(without('OBX', 'NTE').join('\r'), 'OBX-5 (observation value)', /findings or dictation/);
  rejects([...lines, segment('OBR')].join('\r'), 'OBR', /2 OBR segments/);
  rejects(lines.join('\r').replace('ORM^O01^ORM_O01', 'ADT^A01'), 'MSH-9 (message type)', /"ADT\^A01"/);
  rejects(lines.join('\r').replace('MSH|^~\\&|', 'MSH|^~|'), 'MSH-2 (encoding characters)');
  rejects(
    lines.join('\r').replace('history of smoking', 'history \\Q\\ of smoking'),
    'NTE-3',
    /unknown escape sequence/,
  );
  rejects(lines.join('\r').replace('history of smoking', 'history \\F of smoking'), 'NTE-3', /not closed/);
  rejects(`PID|1||X\rMSH|^~\\&|A`, 'MSH', /starts with an MSH/);
  rejects(
    withField('OBR', 24, 'XX')
      .map((l) => l.replace('CT chest', 'Chest'))
      .join('\r'),
    'OBR-24 (diagnostic service section ID)',
  );
  rejects([...lines.slice(0, 3), 'pid|1'].join('\r'), 'segment 4');
});

test('a withdrawn OBX result (status D/W/X) is not read as a finding', () => {
  const text = lines.map((l) => (l.startsWith('OBX|1|') ? l.replace(/\|F$/, '|W') : l)).join('\r');
  assert.doesNotMatch(studyFromHl7v2(text, 'body').study.dictation, /tension pneumothorax/);
});

test('the grammar keeps MSH-1/MSH-2 as sent and numbers MSH fields as HL7 does', () => {
  const message = parseEr7(fixture);
  const msh = message.segments[0]!;
  assert.deepEqual(
    [fieldValue(msh, 1), fieldValue(msh, 2), fieldValue(msh, 3), fieldValue(msh, 9, 2), fieldValue(msh, 12)],
    ['|', '^~\\&', 'RIS', 'O01', '2.5.1'],
  );
  assert.equal(fieldValue(message.segments[1], 5, 2), 'Margaret');
});
