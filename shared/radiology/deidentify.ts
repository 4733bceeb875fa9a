import { type Hit, recogniseIdentifiers } from '../identifiers';
import { isCommonWord } from '../identifiers/english';
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
import type { Study } from './study';

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

const TITLES = /^(?:Mr|Mrs|Ms|Miss|Dr|Prof)\.?$/i;
/** A capitalised word standing next to a known name part: with it, the part may belong to someone else. */
const STRANGER = "\\p{Lu}[\\p{L}'’-]+";

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
  const nameParts = (name: string) => name.split(/\s+/).filter((p) => p.length > 1 && !TITLES.test(p));
  const fixed: [string, string][] = [
    ['PATIENT_NAME', study.patient.name],
    ['MRN', study.patient.mrn],
    ['ACCESSION', study.accessionNumber],
    ['DOB', study.patient.dob],
    ...study.patient.otherIds.map((id): [string, string] => ['PATIENT_ID', id]),
  ];
  if (study.referringPhysician) fixed.push(['REFERRING_PHYSICIAN', study.referringPhysician]);
  const patientParts = nameParts(study.patient.name);
  const physicianParts = study.referringPhysician ? nameParts(study.referringPhysician) : [];
  // A known part next to an unknown capitalised word ("Ewa Wiśniewski" when only "RN Wiśniewski" was seen) is
  // another person's full name: replacing the part alone would leave the given name in the text.
  const replacePart = (text: string, part: string, own: string[], placeholder: () => string) => {
    const run = new RegExp(`(?:${STRANGER} )?${knownValue(part, true).source}(?: ${STRANGER})?`, 'giu');
    return text.replace(run, (m) => {
      const words = m.split(' ').filter((w) => !knownValue(part, true).test(w));
      const strangers = words.filter(
        (w) => /^\p{Lu}\p{Ll}/u.test(w) && !isCommonWord(w) && !own.some((o) => knownValue(o, true).test(w)),
      );
      const possessive = /['’]s$/.test(m) ? "'s" : '';
      if (strangers.length > 0) return `${personPlaceholder(m.replace(/['’]s$/, ''))}${possessive}`;
      return m.replace(knownValue(part, true), (p) => `${placeholder()}${/['’]s$/.test(p) ? "'s" : ''}`);
    });
  };
  const replaceParts = (text: string, names: string[], placeholder: string) =>
    names.reduce((out, part) => replacePart(out, part, names, () => placeholder), text);
  for (const [kind, value] of fixed) placeholderFor(kind, value);

  // Names anywhere in the study, so a surname written alone in one field gets the placeholder of the full name.
  const freeText = [
    study.bodyPart,
    study.examDescription,
    study.clinicalIndication,
    study.comparison,
    study.technique.route ?? '',
    study.dictation,
    ...study.findings.flatMap((f) => [f.system, f.observation]),
  ];
  const people = collectPeople(freeText);
  // The patient named in part or with a title ("Mrs OConnell") keeps the patient's placeholder, title outside it.
  const patientOnly = new RegExp(
    `^(?:${patientParts.map((p) => knownValue(p).source).join('|')})(?:[\\s,]+(?:${patientParts.map((p) => knownValue(p).source).join('|')}))*$`,
    'i',
  );
  const physicianOnly =
    physicianParts.length > 0
      ? new RegExp(
          `^(?:${physicianParts.map((p) => knownValue(p).source).join('|')})(?:\\s+(?:${physicianParts.map((p) => knownValue(p).source).join('|')}))*$`,
          'i',
        )
      : undefined;
  const personPlaceholder = (name: string): string => {
    const title = /^(?:Mr|Mrs|Ms|Miss|Dr|Prof)\.?\s+/.exec(name)?.[0] ?? '';
    const possessive = /['’]s$/.exec(name)?.[0] ?? '';
    const bare = name.slice(title.length, name.length - possessive.length);
    if (patientParts.length > 0 && patientOnly.test(bare)) return `${title}[PATIENT_NAME]${possessive}`;
    if (!title && physicianOnly?.test(bare)) return `[REFERRING_PHYSICIAN]${possessive}`;
    return placeholderFor('PERSON', people.get(name) ?? name);
  };
  const recognised = (text: string, persons: boolean): string => {
    let out = text;
    const hits = [...recogniseIdentifiers(text), ...findFacilities(text)]
      .filter((h) => (h.kind === 'PERSON') === persons && !/[[\]]/.test(h.text) && !insidePlaceholder(text, h))
      .sort((a, b) => b.start - a.start);
    let lastStart = Number.POSITIVE_INFINITY;
    for (const h of hits) {
      if (h.end > lastStart) continue;
      const placeholder = h.kind === 'PERSON' ? personPlaceholder(h.text) : placeholderFor(PLACEHOLDER[h.kind], h.text);
      out = `${out.slice(0, h.start)}${placeholder}${out.slice(h.end)}`;
      lastStart = h.start;
    }
    return out;
  };

  const scrub = (text: string): string => {
    let out = text;
    for (const [kind, value] of fixed) out = out.replace(knownValue(value), placeholderFor(kind, value));
    // Addresses, numbers and e-mails before any name part: a street may share a word with a surname.
    out = recognised(out, false);
    // Whole names before single parts: a relative sharing the patient's surname is another person.
    out = out.replace(TITLED_NAME, (m) => personPlaceholder(m));
    out = out.replace(CONTACTED_NAME, (_m, verb: string, name: string) => `${verb}${personPlaceholder(name)}`);
    out = out.replace(MID_SENTENCE_ACTOR, (m) => (NOT_ACTOR.test(m) ? m : personPlaceholder(m)));
    out = recognised(out, true);
    out = replaceParts(out, patientParts, '[PATIENT_NAME]');
    // After titled names, so "Dr. Patel" keeps its own placeholder and re-identifies as written.
    out = replaceParts(out, physicianParts, '[REFERRING_PHYSICIAN]');
    // A part of a name found anywhere in the study, written alone here ("Nwosu's son"), gets the same placeholder.
    for (const [part, full] of people)
      out = replacePart(out, part, full.split(/\s+/), () => placeholderFor('PERSON', full));
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
    bodyPart: scrub(study.bodyPart),
    clinicalIndication: scrub(study.clinicalIndication),
    comparison: scrub(study.comparison),
    examDescription: scrub(study.examDescription),
    technique: { ...study.technique, ...(study.technique.route ? { route: scrub(study.technique.route) } : {}) },
    findings: study.findings.map((f) => ({ ...f, system: scrub(f.system), observation: scrub(f.observation) })),
    dictation: scrub(study.dictation),
  };
  delete (clean as { referringPhysician?: string }).referringPhysician;

  const text = (value: string): string => {
    let out = value;
    // Values already seen keep their placeholder (longest first, so a full name wins over its parts).
    for (const [placeholder, original] of Object.entries(mapping).sort((a, b) => b[1].length - a[1].length))
      out = /^\[(?:PERSON|PATIENT_NAME|REFERRING_PHYSICIAN)/.test(placeholder)
        ? replacePart(out, original, original.split(/\s+/), () => placeholder)
        : out.replace(knownValue(original), placeholder);
    return scrub(out);
  };
  return { study: clean, mapping, text };
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

/** Each name part (3+ letters) of every person named in the study → that person's longest full name. */
function collectPeople(texts: string[]): Map<string, string> {
  const names = texts
    .flatMap((t) => recogniseIdentifiers(t).filter((h) => h.kind === 'PERSON'))
    .map((h) => h.text)
    .sort((a, b) => b.length - a.length);
  const byPart = new Map<string, string>();
  for (const name of names) {
    if (!byPart.has(name)) byPart.set(name, name);
    for (const part of name.split(/\s+/))
      if (part.length >= 3 && /^\p{Lu}/u.test(part) && !byPart.has(part)) byPart.set(part, name);
  }
  return byPart;
}

/** Puts the identifiers back into text the model wrote. */
export function reidentify<T>(value: T, mapping: Record<string, string>): T {
  const replace = (text: string) => text.replace(/\[[A-Z_]+(?:_\d+)?\]/g, (key) => mapping[key] ?? key);
  return JSON.parse(JSON.stringify(value), (_k, v) => (typeof v === 'string' ? replace(v) : v)) as T;
}
