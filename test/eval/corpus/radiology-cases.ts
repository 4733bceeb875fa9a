import { type Part, person } from './people';
import type { Rng } from './rng';
import { address, email, phone, ssn } from './values';

/** One identifying value placed in a study, and the tokens of it that must not reach a prompt or a fine-tuning line. */
export interface Phi {
  kind: string;
  value: string;
  tokens: string[];
}

export interface RadiologyCase {
  id: string;
  study: Record<string, unknown>;
  /** What the radiologist types while editing the draft (added to the impression before signing). */
  edit: string;
  phi: Phi[];
}

const GENERIC = new Set([
  'street',
  'road',
  'avenue',
  'lane',
  'drive',
  'boulevard',
  'court',
  'way',
  'place',
  'terrace',
  'circle',
  'apt',
  'unit',
  'box',
  'st.',
  'rd',
  'ave.',
  'dr.',
  'hospital',
  'medical',
  'center',
  'clinic',
  'the',
  'and',
  'van',
  'der',
  'de',
  'la',
  'bin',
  'el',
  'al',
]);

/** The distinctive words of a value (name parts, street names, digits); generic words alone are not identifying. */
export const tokensOf = (value: string): string[] =>
  value
    .split(/[\s,()]+/)
    .flatMap((w) => [w, ...w.split(/[-']/)])
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter((w) => w.length >= 3 && !GENERIC.has(w.toLowerCase()) && !/^[A-Z]{2}$/.test(w))
    .filter((w, i, all) => all.indexOf(w) === i);

const FACILITIES = {
  dev: ['Mercy Ridge Medical Center', "St. Bartholomew's Hospital", 'Lakeshore Imaging Clinic'],
  heldout: ['Hollings Regional Hospital', 'Bellhaven Infirmary', 'Kinross Valley Clinic'],
};

const STUDIES = [
  {
    modality: 'CT',
    bodyPart: 'Chest',
    exam: 'CT chest with contrast',
    system: 'lungs',
    obs: 'solid nodule in the right upper lobe',
    size: 7,
  },
  {
    modality: 'MR',
    bodyPart: 'Brain',
    exam: 'MRI brain without contrast',
    system: 'brain',
    obs: 'small chronic lacunar infarct',
    size: 4,
  },
  {
    modality: 'XR',
    bodyPart: 'Left wrist',
    exam: 'XR wrist 3 views',
    system: 'bones',
    obs: 'non-displaced distal radius fracture',
  },
  {
    modality: 'US',
    bodyPart: 'Abdomen',
    exam: 'US abdomen complete',
    system: 'gallbladder',
    obs: 'multiple gallstones without wall thickening',
  },
  {
    modality: 'CT',
    bodyPart: 'Head',
    exam: 'CT head without contrast',
    system: 'brain',
    obs: 'no acute intracranial haemorrhage',
    negated: true,
  },
];

const iso = (r: Rng, from: number, to: number) =>
  `${r.int(from, to)}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`;

const name = (kind: string, value: string): Phi => ({ kind, value, tokens: tokensOf(value) });
const exact = (kind: string, value: string): Phi => ({ kind, value, tokens: [value] });

/**
 * A study with identifiers in every free-text field (PACS and RIS put them where they should not be: body part,
 * organ system, route, history, comparison, dictation), and an edit naming people the input never named.
 */
export function radiologyCase(r: Rng, part: Part, id: string): RadiologyCase {
  const patient = person(r, part);
  const physician = person(r, part);
  const relative = person(r, part);
  const nurse = person(r, part);
  const colleague = person(r, part);
  const editName = person(r, part);
  const facility = r.pick(FACILITIES[part]);
  const s = r.pick(STUDIES);
  const [mrn, acc, dob, studyDate, priorDate] = [
    `MRN-${r.digits(8)}`,
    `ACC-${r.int(2020, 2026)}-${r.digits(6)}`,
    iso(r, 1935, 2005),
    iso(r, 2025, 2026),
    iso(r, 2019, 2024),
  ];
  const [ssnValue, phoneValue, emailValue, home] = [ssn(r), phone(r), email(r, relative), address(r)];
  const dev = part === 'dev';
  const study = {
    patient: { name: patient.full, mrn, dob, sex: r.pick(['female', 'male']) },
    accessionNumber: acc,
    modality: s.modality,
    bodyPart: dev ? `${s.bodyPart} (${patient.family})` : `${s.bodyPart} - per ${physician.family}`,
    examDescription: dev ? `${s.exam} ordered by ${physician.full}` : `${s.exam}, ${facility}`,
    studyDate,
    clinicalIndication: dev
      ? `Referred by Dr. ${physician.family}. ${relative.full} (daughter) reports falls; contact ${phoneValue} or ${emailValue}. SSN ${ssnValue} on the requisition.`
      : `Pt lives at ${home.full}; son ${relative.given} ${relative.family} at ${emailValue}, tel ${phoneValue}. Soc sec ${ssnValue}.`,
    comparison: dev
      ? `Prior study at ${facility} on ${priorDate}.`
      : `Outside films from ${facility} (${priorDate}), read by ${colleague.full}.`,
    technique: {
      contrast: 'iv',
      doseMgy: 5.4,
      route: dev ? `IV, placed by ${nurse.full}` : `right antecubital, RN ${nurse.family}`,
    },
    findings: [
      {
        system: dev ? `${s.system} (per ${colleague.family})` : `${s.system}, ${nurse.given} noted`,
        observation: s.obs,
        severity: s.negated ? 'normal' : 'mild',
        negated: Boolean(s.negated),
        ...(s.size ? { sizeMm: s.size } : {}),
      },
      {
        system: 'general',
        observation: dev
          ? `findings discussed with ${colleague.full} at ${home.full}`
          : `${patient.given} ${patient.family} tolerated the exam; ${colleague.given} ${colleague.family} reviewed`,
        severity: 'normal',
      },
    ],
    dictation: dev
      ? `${patient.full} was scanned; ${patient.family}'s ${relative.given} waited. Result to ${physician.full} at ${phoneValue}.`
      : `Seen with ${relative.full}. ${colleague.family} to follow up; home ZIP ${home.city.split(' ').at(-1)}.`,
    referringPhysician: `Dr. ${physician.full}`,
  };
  const [editSsn, editEmail] = [ssn(r), email(r, editName)];
  const edit = dev
    ? `Discussed with ${editName.full} and Dr. ${physician.family}; family (${relative.full}) informed at ${phoneValue}.`
    : `Called ${editName.given} ${editName.family} (${editEmail}); ${patient.family} aware. SSN ${editSsn} corrected.`;
  const phi: Phi[] = [
    name('patient', patient.full),
    name('physician', physician.full),
    name('relative', relative.full),
    name('nurse', nurse.full),
    name('colleague', colleague.full),
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
  ];
  if (!dev) phi.push(exact('edit-ssn', editSsn), exact('edit-email', editEmail));
  return { id, study, edit, phi };
}
