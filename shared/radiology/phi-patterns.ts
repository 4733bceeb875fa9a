const MONTHS =
  'January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec';

/** Every date element but the year is an identifier (HIPAA Safe Harbor); full dates first, then partial ones. */
export const DATE_PATTERNS = [
  /\b\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\b/g,
  /\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b/g,
  new RegExp(`\\b(?:${MONTHS})\\.? \\d{1,2}(?:st|nd|rd|th)?,? \\d{4}\\b`, 'gi'),
  new RegExp(`\\b\\d{1,2}(?:st|nd|rd|th)? (?:of )?(?:${MONTHS})\\.?,? \\d{4}\\b`, 'gi'),
  new RegExp(`\\b(?:${MONTHS})\\.?,? \\d{4}\\b`, 'gi'),
  // Without a year only capitalised months count: "may 5 mm" is not a date.
  new RegExp(`\\b(?:${MONTHS})\\.? \\d{1,2}(?:st|nd|rd|th)?\\b(?! ?(?:mm|cm)\\b)`, 'g'),
  new RegExp(`\\b\\d{1,2}(?:st|nd|rd|th)? (?:of )?(?:${MONTHS})\\b`, 'g'),
];

export const PHONE = /(?:\+\d{1,3}[ -]?)?(?:\(\d{3}\) ?|\b\d{3}[ .-])\d{3}[ .-]\d{4}\b/g;

export const ADDRESS =
  /\b\d{1,5} (?:[A-Z][a-z]+ ){1,3}(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Drive|Dr|Boulevard|Blvd|Court|Ct|Way|Place|Pl)\b\.?/g;

const NAME_WORD = "\\p{Lu}[\\p{L}'’-]+";

export const TITLED_NAME = new RegExp(`\\b(?:Mr|Mrs|Ms|Miss|Dr|Prof)\\.? ${NAME_WORD}(?: ${NAME_WORD}){0,2}`, 'gu');

const CONTACT_VERBS = [
  'discussed with',
  'spoke to',
  'spoke with',
  'called',
  'informed',
  'paged',
  'notified',
  'telephoned',
  'communicated to',
  'reported to',
  'handed over to',
].map((v) => `[${v[0]!.toUpperCase()}${v[0]}]${v.slice(1)}`);

/** A person named without a title where reports record communication: "discussed with Alan Whitfield". */
export const CONTACTED_NAME = new RegExp(
  `(\\b(?:${CONTACT_VERBS.join('|')})\\s+(?:to\\s+)?)(${NAME_WORD}(?: ${NAME_WORD}){1,2})`,
  'gu',
);

/**
 * A known value (a name part, MRN) as a case-insensitive whole word. Its apostrophes, hyphens and spaces may be typed
 * any of those ways or left out ("O'Connell", "O’Connell", "O Connell", "OConnell"; "MRN 00482913").
 */
export function knownValue(value: string, possessive = false): RegExp {
  const escaped = value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/[-'’ ]+/g, "[-'’\\s]?");
  const edge = (c: string | undefined) => (c && /\w/.test(c) ? '\\b' : '');
  return new RegExp(`${edge(value[0])}${escaped}${possessive ? "(?:['’]s)?" : ''}${edge(value.at(-1))}`, 'gi');
}
