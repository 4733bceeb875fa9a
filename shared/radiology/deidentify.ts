import type { Study } from './study';

export interface Deidentified {
  /** The study with every identifier replaced by a placeholder; safe to send to a model. */
  study: DeidentifiedStudy;
  /** Placeholder → original value, kept inside the boundary to re-identify the draft. */
  mapping: Record<string, string>;
}

export type DeidentifiedStudy = Omit<Study, 'patient' | 'accessionNumber' | 'studyDate' | 'referringPhysician'> & {
  patient: { name: string; mrn: string; dob: string; sex: Study['patient']['sex']; ageYears: number };
  accessionNumber: string;
  studyDate: string;
};

const MONTHS =
  'January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec';
const DATE_PATTERNS = [
  /\b\d{4}-\d{2}-\d{2}\b/g,
  /\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b/g,
  new RegExp(`\\b(?:${MONTHS})\\.? \\d{1,2}(?:st|nd|rd|th)?,? \\d{4}\\b`, 'gi'),
  new RegExp(`\\b\\d{1,2}(?:st|nd|rd|th)? (?:of )?(?:${MONTHS})\\.?,? \\d{4}\\b`, 'gi'),
];
const PHONE = /(?:\+\d{1,3}[ -]?)?\(?\d{3}\)?[ .-]\d{3}[ .-]\d{4}\b/g;
const ADDRESS =
  /\b\d{1,5} (?:[A-Z][a-z]+ ){1,3}(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Drive|Dr|Boulevard|Blvd|Court|Ct|Way|Place|Pl)\b\.?/g;
const TITLED_NAME = /\b(?:Mr|Mrs|Ms|Miss|Dr|Prof)\.? [A-Z][a-zA-Z'-]+(?: [A-Z][a-zA-Z'-]+)?/g;

function ageAt(dob: string, on: string): number {
  const [y1, m1, d1] = dob.split('-').map(Number) as [number, number, number];
  const [y2, m2, d2] = on.split('-').map(Number) as [number, number, number];
  return y2 - y1 - (m2 < m1 || (m2 === m1 && d2 < d1) ? 1 : 0);
}

/**
 * Removes names (also inside findings and dictation, with titles and possessives), MRN, date of birth, accession,
 * every date, phone number and street address. The age in years stays: it is clinically needed and, under 90,
 * not an identifier (HIPAA Safe Harbor).
 */
export function deidentify(study: Study): Deidentified {
  const mapping: Record<string, string> = {};
  const counters: Record<string, number> = {};
  const placeholderFor = (kind: string, value: string) => {
    const existing = Object.entries(mapping).find(([, v]) => v === value && kind !== 'DATE');
    if (existing) return existing[0];
    counters[kind] = (counters[kind] ?? 0) + 1;
    const key = counters[kind] === 1 && kind !== 'DATE' ? `[${kind}]` : `[${kind}_${counters[kind]}]`;
    mapping[key] = value;
    return key;
  };
  const nameParts = study.patient.name.split(/\s+/).filter((p) => p.length > 1);
  const fixed: [string, string][] = [
    ['PATIENT_NAME', study.patient.name],
    ['MRN', study.patient.mrn],
    ['ACCESSION', study.accessionNumber],
    ['DOB', study.patient.dob],
  ];
  if (study.referringPhysician) fixed.push(['REFERRING_PHYSICIAN', study.referringPhysician]);
  for (const [kind, value] of fixed) placeholderFor(kind, value);

  const scrub = (text: string): string => {
    let out = text;
    for (const [_kind, value] of fixed)
      out = out.split(value).join(Object.entries(mapping).find(([, v]) => v === value)![0]);
    for (const part of nameParts) {
      out = out.replace(
        new RegExp(`\\b${part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:'s)?\\b`, 'g'),
        (m) => `[PATIENT_NAME]${m.endsWith("'s") ? "'s" : ''}`,
      );
    }
    out = out.replace(TITLED_NAME, (m) => placeholderFor('PERSON', m));
    out = out.replace(ADDRESS, (m) => placeholderFor('ADDRESS', m));
    out = out.replace(PHONE, (m) => placeholderFor('PHONE', m));
    for (const pattern of DATE_PATTERNS) out = out.replace(pattern, (m) => placeholderFor('DATE', m));
    return out;
  };

  const clean: DeidentifiedStudy = {
    ...study,
    patient: {
      name: '[PATIENT_NAME]',
      mrn: '[MRN]',
      dob: '[DOB]',
      sex: study.patient.sex,
      ageYears: Math.min(90, ageAt(study.patient.dob, study.studyDate)),
    },
    accessionNumber: '[ACCESSION]',
    studyDate: placeholderFor('STUDY_DATE', study.studyDate),
    clinicalIndication: scrub(study.clinicalIndication),
    comparison: scrub(study.comparison),
    examDescription: scrub(study.examDescription),
    findings: study.findings.map((f) => ({ ...f, observation: scrub(f.observation) })),
    dictation: scrub(study.dictation),
  };
  delete (clean as { referringPhysician?: string }).referringPhysician;
  return { study: clean, mapping };
}

/** Puts the identifiers back into text the model wrote. */
export function reidentify<T>(value: T, mapping: Record<string, string>): T {
  const replace = (text: string) => text.replace(/\[[A-Z_]+(?:_\d+)?\]/g, (key) => mapping[key] ?? key);
  return JSON.parse(JSON.stringify(value), (_k, v) => (typeof v === 'string' ? replace(v) : v)) as T;
}
