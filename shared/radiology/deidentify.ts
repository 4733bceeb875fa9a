import { type Hit, recogniseIdentifiers } from '../identifiers';
import { findFacilities } from '../identifiers/facility';
import {
  ADDRESS,
  CONTACTED_NAME,
  DATE_PATTERNS,
  knownValue,
  MID_SENTENCE_ACTOR,
  NOT_ACTOR,
  PHONE,
  TITLED_NAME,
} from './phi-patterns';
import { createPlaceholders, type Placeholders } from './placeholders';
import type { Study } from './study';
import { type StudyPeople, studyPeople } from './study-people';

export interface Deidentified {
  /** The study with every identifier replaced by a placeholder; safe to send to a model. */
  study: DeidentifiedStudy;
  /** Placeholder → original value, kept inside the boundary to re-identify the draft. */
  mapping: Record<string, string>;
}

export interface Deidentifier extends Deidentified {
  /** Text written after intake (the radiologist's edits) under the same placeholders and the same rules. */
  text(value: string): string;
}

export type DeidentifiedStudy = Omit<Study, 'patient' | 'accessionNumber' | 'studyDate' | 'referringPhysician'> & {
  patient: { name: string; mrn: string; dob: string; sex: Study['patient']['sex']; ageYears: number };
  accessionNumber: string;
  studyDate: string;
};

function ageAt(dob: string, on: string): number {
  const [y1, m1, d1] = dob.split('-').map(Number) as [number, number, number];
  const [y2, m2, d2] = on.split('-').map(Number) as [number, number, number];
  return y2 - y1 - (m2 < m1 || (m2 === m1 && d2 < d1) ? 1 : 0);
}

/**
 * Removes names (also inside findings and dictation, in any letter case, with titles and possessives), MRN, date
 * of birth, accession, every date, phone number and street address. The age in years stays: it is clinically
 * needed and, under 90, not an identifier (HIPAA Safe Harbor).
 */
export function deidentify(study: Study): Deidentified {
  const { study: clean, mapping } = createDeidentifier(study);
  return { study: clean, mapping };
}

export function createDeidentifier(study: Study): Deidentifier {
  const placeholders = createPlaceholders();
  const fixed: [string, string][] = [
    ['PATIENT_NAME', study.patient.name],
    ['MRN', study.patient.mrn],
    ['ACCESSION', study.accessionNumber],
    ['DOB', study.patient.dob],
    ...study.patient.otherIds.map((id): [string, string] => ['PATIENT_ID', id]),
  ];
  if (study.referringPhysician) fixed.push(['REFERRING_PHYSICIAN', study.referringPhysician]);
  for (const [kind, value] of fixed) placeholders.of(kind, value);
  const people = studyPeople(study, placeholders);
  const scrub = (text: string) => scrubText(text, fixed, people, placeholders);
  const { mapping } = placeholders;
  const text = (value: string): string => {
    let out = value;
    // Values already seen keep their placeholder (longest first, so a full name wins over its parts).
    for (const [placeholder, original] of Object.entries(mapping).sort((a, b) => b[1].length - a[1].length))
      out = /^\[(?:PERSON|PATIENT_NAME|REFERRING_PHYSICIAN)/.test(placeholder)
        ? people.replacePart(out, original, original.split(/\s+/), () => placeholder)
        : out.replace(knownValue(original), placeholder);
    return scrub(out);
  };
  return { study: deidentifiedStudy(study, scrub, placeholders), mapping, text };
}

/** The passes over one text, in the order that keeps each identifier's own placeholder. */
function scrubText(text: string, fixed: [string, string][], people: StudyPeople, placeholders: Placeholders): string {
  const replaceParts = (value: string, names: string[], placeholder: string) =>
    names.reduce((out, part) => people.replacePart(out, part, names, () => placeholder), value);
  let out = text;
  for (const [kind, value] of fixed) out = out.replace(knownValue(value), placeholders.of(kind, value));
  // Addresses, numbers and e-mails before any name part: a street may share a word with a surname.
  out = recognised(out, false, people, placeholders);
  // Whole names before single parts: a relative sharing the patient's surname is another person.
  out = out.replace(TITLED_NAME, (m) => people.placeholder(m));
  out = out.replace(CONTACTED_NAME, (_m, verb: string, name: string) => `${verb}${people.placeholder(name)}`);
  out = out.replace(MID_SENTENCE_ACTOR, (m) => (NOT_ACTOR.test(m) ? m : people.placeholder(m)));
  out = recognised(out, true, people, placeholders);
  out = replaceParts(out, people.patientParts, '[PATIENT_NAME]');
  // After titled names, so "Dr. Patel" keeps its own placeholder and re-identifies as written.
  out = replaceParts(out, people.physicianParts, '[REFERRING_PHYSICIAN]');
  // A part of a name found anywhere in the study, written alone here ("Nwosu's son"), gets the same placeholder.
  for (const [part, full] of people.byPart)
    out = people.replacePart(out, part, full.split(/\s+/), () => placeholders.of('PERSON', full));
  out = out.replace(ADDRESS, (m) => placeholders.of('ADDRESS', m));
  out = out.replace(PHONE, (m) => placeholders.of('PHONE', m));
  for (const pattern of DATE_PATTERNS) out = out.replace(pattern, (m) => placeholders.of('DATE', m));
  return out;
}

/** Field order matters: placeholders are numbered in the order values are first met. */
function deidentifiedStudy(study: Study, scrub: (text: string) => string, placeholders: Placeholders) {
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
    studyDate: placeholders.of('STUDY_DATE', study.studyDate),
    bodyPart: scrub(study.bodyPart),
    clinicalIndication: scrub(study.clinicalIndication),
    comparison: scrub(study.comparison),
    examDescription: scrub(study.examDescription),
    technique: { ...study.technique, ...(study.technique.route ? { route: scrub(study.technique.route) } : {}) },
    findings: study.findings.map((f) => ({ ...f, system: scrub(f.system), observation: scrub(f.observation) })),
    dictation: scrub(study.dictation),
  };
  delete (clean as { referringPhysician?: string }).referringPhysician;
  return clean;
}

/** Identifiers the shared recognisers find (persons, or everything else), replaced from the end of the text. */
function recognised(text: string, persons: boolean, people: StudyPeople, placeholders: Placeholders): string {
  let out = text;
  const hits = [...recogniseIdentifiers(text), ...findFacilities(text)]
    .filter((h) => (h.kind === 'PERSON') === persons && !/[[\]]/.test(h.text) && !insidePlaceholder(text, h))
    .sort((a, b) => b.start - a.start);
  let lastStart = Number.POSITIVE_INFINITY;
  for (const h of hits) {
    if (h.end > lastStart) continue;
    const placeholder = h.kind === 'PERSON' ? people.placeholder(h.text) : placeholders.of(PLACEHOLDER[h.kind], h.text);
    out = `${out.slice(0, h.start)}${placeholder}${out.slice(h.end)}`;
    lastStart = h.start;
  }
  return out;
}

const PLACEHOLDER: Record<Hit['kind'], string> = {
  SSN: 'SSN',
  PHONE: 'PHONE',
  EMAIL: 'EMAIL',
  ADDRESS: 'ADDRESS',
  DOB: 'DOB',
  ID_NUMBER: 'ID_NUMBER',
  FINANCIAL_ACCOUNT: 'ACCOUNT',
  PERSON: 'PERSON',
};

const insidePlaceholder = (text: string, h: Hit) => {
  const open = text.lastIndexOf('[', h.start);
  return open >= 0 && text.indexOf(']', open) >= h.end - 1 && !text.slice(open, h.start).includes(']');
};

/** Puts the identifiers back into text the model wrote. */
export function reidentify<T>(value: T, mapping: Record<string, string>): T {
  const replace = (text: string) => text.replace(/\[[A-Z_]+(?:_\d+)?\]/g, (key) => mapping[key] ?? key);
  return JSON.parse(JSON.stringify(value), (_k, v) => (typeof v === 'string' ? replace(v) : v)) as T;
}
