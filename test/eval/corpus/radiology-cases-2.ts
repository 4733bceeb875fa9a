import { person } from './people';
import { type Phi, type RadiologyCase, tokensOf } from './radiology-cases';
import type { Rng } from './rng';
import { address, email, phone, ssn } from './values';

const FACILITIES = ['Tamarack Bay Medical Centre', 'Grayson County Hospital', 'Pinecrest Diagnostic Clinic'];

const STUDIES = [
  {
    modality: 'CT',
    bodyPart: 'Pelvis',
    exam: 'CT abdomen/pelvis with contrast',
    system: 'kidneys',
    obs: 'left renal cyst',
  },
  { modality: 'MR', bodyPart: 'Knee', exam: 'MRI right knee', system: 'ligaments', obs: 'partial ACL tear' },
  { modality: 'US', bodyPart: 'Neck', exam: 'US thyroid', system: 'thyroid', obs: 'TI-RADS 3 nodule', size: 12 },
  { modality: 'XR', bodyPart: 'Chest', exam: 'CXR PA and lateral', system: 'lungs', obs: 'clear lungs', negated: true },
];

const iso = (r: Rng, from: number, to: number) =>
  `${r.int(from, to)}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`;

/**
 * Held-out 2 studies (written on 2026-12-06 before any run on them): PHI in layouts the other parts never use —
 * a name in capitals, a surname-first requisition line, an interpreter, a relative sharing the patient's surname,
 * a bare given name in the route, and a radiologist's edit naming a new person and a new e-mail.
 */
export function radiologyCase2(r: Rng, id: string): RadiologyCase {
  const patient = person(r, 'heldout2');
  const physician = person(r, 'heldout2');
  const spouse = { ...person(r, 'heldout2'), family: patient.family };
  spouse.full = `${spouse.given} ${patient.family}`;
  const interpreter = person(r, 'heldout2');
  const tech = person(r, 'heldout2');
  const editName = person(r, 'heldout2');
  const facility = r.pick(FACILITIES);
  const s = r.pick(STUDIES);
  const [mrn, acc, dob, studyDate, priorDate] = [
    `MRN-${r.digits(8)}`,
    `ACC-${r.int(2020, 2026)}-${r.digits(6)}`,
    iso(r, 1935, 2005),
    iso(r, 2025, 2026),
    iso(r, 2019, 2024),
  ];
  const [ssnValue, phoneValue, emailValue, home] = [ssn(r), phone(r), email(r, spouse), address(r)];
  const study = {
    patient: { name: patient.full, mrn, dob, sex: r.pick(['female', 'male']) },
    accessionNumber: acc,
    modality: s.modality,
    bodyPart: `${s.bodyPart} [${patient.family.toUpperCase()}, ${patient.given.toUpperCase()}]`,
    examDescription: `${s.exam} — requisition: ${physician.family}, ${physician.given}`,
    studyDate,
    clinicalIndication: `Hx via interpreter ${interpreter.full}. Spouse ${spouse.full} (${phoneValue}, ${emailValue}) at ${home.full}. SSN: ${ssnValue}.`,
    comparison: `Outside CD from ${facility} dated ${priorDate}, labelled ${patient.full.toUpperCase()}.`,
    technique: { contrast: 'iv', doseMgy: 4.8, route: `20G left hand, ${tech.given} placed` },
    findings: [
      {
        system: s.system,
        observation: s.obs,
        severity: s.negated ? 'normal' : 'mild',
        negated: Boolean(s.negated),
        ...(s.size ? { sizeMm: s.size } : {}),
      },
      {
        system: 'general',
        observation: `${spouse.given} stayed with the patient; ${tech.family} assisted`,
        severity: 'normal',
      },
    ],
    dictation: `Preliminary read phoned to ${physician.given} ${physician.family}. ${spouse.given} ${patient.family} aware.`,
    referringPhysician: `Dr. ${physician.full}`,
  };
  const [editSsn, editEmail] = [ssn(r), email(r, editName)];
  const edit = `Addendum: ${editName.full} (${editEmail}) from ${facility} called back; SSN on file ${editSsn}.`;
  const name = (kind: string, value: string): Phi => ({ kind, value, tokens: tokensOf(value) });
  const exact = (kind: string, value: string): Phi => ({ kind, value, tokens: [value] });
  const phi: Phi[] = [
    name('patient', patient.full),
    name('physician', physician.full),
    name('spouse', spouse.given),
    name('interpreter', interpreter.full),
    name('tech', tech.full),
    name('edit-name', editName.full),
    name('facility', facility),
    exact('mrn', mrn),
    exact('accession', acc),
    exact('dob', dob),
    exact('study-date', studyDate),
    exact('prior-date', priorDate),
    exact('ssn', ssnValue),
    exact('phone', phoneValue),
    exact('email', emailValue),
    name('address', home.street),
    exact('zip', home.city.split(' ').at(-1)!),
    exact('edit-ssn', editSsn),
    exact('edit-email', editEmail),
  ];
  return { id, study, edit, phi };
}
