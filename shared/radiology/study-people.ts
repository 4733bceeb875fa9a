import { recogniseIdentifiers } from '../identifiers';
import { isCommonWord } from '../identifiers/english';
import { knownValue } from './phi-patterns';
import type { Placeholders } from './placeholders';
import type { Study } from './study';

const TITLES = /^(?:Mr|Mrs|Ms|Miss|Dr|Prof)\.?$/i;
/** A capitalised word standing next to a known name part: with it, the part may belong to someone else. */
const STRANGER = "\\p{Lu}[\\p{L}'’-]+";

/** The people of one study — patient, referring physician, anyone named in its text — and their placeholders. */
export interface StudyPeople {
  patientParts: string[];
  physicianParts: string[];
  /** Each name part (3+ letters) of every person named in the study → that person's longest full name. */
  byPart: Map<string, string>;
  /** The placeholder for a person's name as written, title and possessive kept outside it. */
  placeholder(name: string): string;
  /** Replaces a known name part; `own` are the other parts of the same person's name. */
  replacePart(text: string, part: string, own: string[], placeholder: () => string): string;
}

const nameParts = (name: string) => name.split(/\s+/).filter((p) => p.length > 1 && !TITLES.test(p));

/** A name made only of these parts, in any order, with spaces (and commas when `commas`) between them. */
function onlyParts(parts: string[], commas: boolean): RegExp {
  const part = parts.map((p) => knownValue(p).source).join('|');
  return new RegExp(`^(?:${part})(?:${commas ? '[\\s,]+' : '\\s+'}(?:${part}))*$`, 'i');
}

export function studyPeople(study: Study, placeholders: Placeholders): StudyPeople {
  const patientParts = nameParts(study.patient.name);
  const physicianParts = study.referringPhysician ? nameParts(study.referringPhysician) : [];
  // Names anywhere in the study, so a surname written alone in one field gets the placeholder of the full name.
  const byPart = collectPeople([
    study.bodyPart,
    study.examDescription,
    study.clinicalIndication,
    study.comparison,
    study.technique.route ?? '',
    study.dictation,
    ...study.findings.flatMap((f) => [f.system, f.observation]),
  ]);
  // The patient named in part or with a title ("Mrs OConnell") keeps the patient's placeholder, title outside it.
  const patientOnly = onlyParts(patientParts, true);
  const physicianOnly = physicianParts.length > 0 ? onlyParts(physicianParts, false) : undefined;
  const placeholder = (name: string): string => {
    const title = /^(?:Mr|Mrs|Ms|Miss|Dr|Prof)\.?\s+/.exec(name)?.[0] ?? '';
    const possessive = /['’]s$/.exec(name)?.[0] ?? '';
    const bare = name.slice(title.length, name.length - possessive.length);
    if (patientParts.length > 0 && patientOnly.test(bare)) return `${title}[PATIENT_NAME]${possessive}`;
    if (!title && physicianOnly?.test(bare)) return `[REFERRING_PHYSICIAN]${possessive}`;
    return placeholders.of('PERSON', byPart.get(name) ?? name);
  };
  // A known part next to an unknown capitalised word ("Ewa Wiśniewski" when only "RN Wiśniewski" was seen) is
  // another person's full name: replacing the part alone would leave the given name in the text.
  const replacePart = (text: string, part: string, own: string[], partPlaceholder: () => string) => {
    const run = new RegExp(`(?:${STRANGER} )?${knownValue(part, true).source}(?: ${STRANGER})?`, 'giu');
    return text.replace(run, (m) => {
      const words = m.split(' ').filter((w) => !knownValue(part, true).test(w));
      const strangers = words.filter(
        (w) => /^\p{Lu}\p{Ll}/u.test(w) && !isCommonWord(w) && !own.some((o) => knownValue(o, true).test(w)),
      );
      const possessive = /['’]s$/.test(m) ? "'s" : '';
      if (strangers.length > 0) return `${placeholder(m.replace(/['’]s$/, ''))}${possessive}`;
      return m.replace(knownValue(part, true), (p) => `${partPlaceholder()}${/['’]s$/.test(p) ? "'s" : ''}`);
    });
  };
  return { patientParts, physicianParts, byPart, placeholder, replacePart };
}

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
