import nlp from 'compromise';
import { type Category, EXEMPTION, type Span } from './types';

const make = (
  text: string,
  start: number,
  end: number,
  category: Category,
  confidence: number,
  reason: string,
  source: Span['source'] = 'pattern',
): Span => ({
  start,
  end,
  text: text.slice(start, end),
  category,
  exemption: EXEMPTION[category],
  confidence,
  reason,
  source,
});

/** Presidio-style context: words near a match that make it more (or less) likely to be what it looks like. */
function near(text: string, start: number, end: number, words: RegExp, window = 40): boolean {
  return words.test(text.slice(Math.max(0, start - window), Math.min(text.length, end + window)));
}

const SSN_CONTEXT = /\b(ssn|social security|soc\.? sec|taxpayer|tin)\b/i;

function validSsn(digits: string): boolean {
  const area = Number(digits.slice(0, 3));
  const group = Number(digits.slice(3, 5));
  const serial = Number(digits.slice(5));
  return area !== 0 && area !== 666 && area < 900 && group !== 0 && serial !== 0;
}

function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

export function findSsns(text: string): Span[] {
  const out: Span[] = [];
  for (const m of text.matchAll(/\b(\d{3})[- ]?(\d{2})[- ]?(\d{4})\b/g)) {
    const digits = `${m[1]}${m[2]}${m[3]}`;
    const start = m.index!;
    const end = start + m[0].length;
    const context = near(text, start, end, SSN_CONTEXT);
    const formatted = /\d{3}-\d{2}-\d{4}/.test(m[0]);
    if (validSsn(digits) && (formatted || context))
      out.push(make(text, start, end, 'SSN', context ? 0.98 : 0.85, 'Social Security number of an individual'));
    else if (context)
      out.push(make(text, start, end, 'SSN', 0.6, 'SSN-formatted number next to SSN context (not a valid SSN)'));
  }
  return out;
}

export function findContacts(text: string): Span[] {
  const out: Span[] = [];
  for (const m of text.matchAll(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g))
    out.push(make(text, m.index!, m.index! + m[0].length, 'EMAIL', 0.95, 'personal e-mail address'));
  for (const m of text.matchAll(/(?<![\d-])(?:\+1[ -]?)?\(?\d{3}\)?[ .-]\d{3}[ .-]\d{4}(?![\d-])/g)) {
    const start = m.index!;
    if (/\d{3}-\d{2}-\d{4}/.test(m[0])) continue;
    out.push(
      make(
        text,
        start,
        start + m[0].length,
        'PHONE',
        near(text, start, start + m[0].length, /\b(phone|tel|cell|mobile|call|fax)\b/i) ? 0.95 : 0.8,
        'personal telephone number',
      ),
    );
  }
  for (const m of text.matchAll(
    /\b\d{1,5} (?:[A-Z][a-z]+ ){1,3}(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Drive|Dr|Boulevard|Blvd|Court|Ct|Way|Place|Pl|Terrace)\.?(?:,? (?:Apt|Suite|Unit) \w+)?(?:, [A-Z][a-z]+(?: [A-Z][a-z]+)?)?(?:, [A-Z]{2})?(?: \d{5})?/g,
  )) {
    out.push(make(text, m.index!, m.index! + m[0].length, 'ADDRESS', 0.9, 'home or street address of an individual'));
  }
  return out;
}

export function findDatesOfBirth(text: string): Span[] {
  const out: Span[] = [];
  const date =
    /\b(?:\d{1,2}\/\d{1,2}\/\d{2,4}|\d{4}-\d{2}-\d{2}|(?:January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, \d{4})\b/g;
  for (const m of text.matchAll(date)) {
    const start = m.index!;
    if (near(text, start, start + m[0].length, /\b(dob|d\.o\.b|date of birth|born)\b/i, 30))
      out.push(make(text, start, start + m[0].length, 'DOB', 0.95, 'date of birth of an individual'));
  }
  return out;
}

export function findAccounts(text: string): Span[] {
  const out: Span[] = [];
  for (const m of text.matchAll(/\b(?:\d[ -]?){13,19}\b/g)) {
    const digits = m[0].replace(/\D/g, '');
    if (digits.length >= 13 && luhn(digits))
      out.push(
        make(
          text,
          m.index!,
          m.index! + m[0].trimEnd().length,
          'FINANCIAL_ACCOUNT',
          0.92,
          'payment card number (passes the Luhn check)',
        ),
      );
  }
  for (const m of text.matchAll(
    /\b(?:account|acct|routing|iban)(?: (?:no\.?|number|#))?:? ?([A-Z]{0,2}\d[\d -]{5,30}\d)\b/gi,
  )) {
    const value = m[1]!;
    const start = m.index! + m[0].indexOf(value);
    out.push(make(text, start, start + value.length, 'FINANCIAL_ACCOUNT', 0.9, 'bank account or routing number'));
  }
  return out;
}

/** Portion markings and banners; (U) marks unclassified text and is left alone. */
export function findClassification(text: string): Span[] {
  const out: Span[] = [];
  for (const m of text.matchAll(/^\s*(?:(TOP SECRET|SECRET|CONFIDENTIAL)(?:\/\/[A-Z/ ,-]+)?)\s*$/gm)) {
    const start = m.index! + m[0].indexOf(m[1]!);
    out.push(make(text, start, start + m[0].trim().length, 'CLASSIFIED', 0.9, `classification banner ${m[1]}`));
  }
  for (const m of text.matchAll(/\((TS|S|C)(?:\/\/[A-Z]+)?\)\s+([^\n]+?)(?=\s*\((?:TS|S|C|U)\)|\n|$)/g)) {
    const start = m.index!;
    out.push(
      make(
        text,
        start,
        start + m[0].length,
        'CLASSIFIED',
        0.97,
        `paragraph marked (${m[1]}): classified national security information`,
      ),
    );
  }
  return out;
}

const OFFICIAL_TITLES =
  /^(secretary|director|deputy director|administrator|commissioner|senator|representative|governor|mayor|chairman|chairwoman|chair|ambassador|attorney general|judge|president|spokesperson|press secretary)\b/i;
const OFFICIAL_CONTEXT =
  /\b(press release|public statement|testified|announced|in (?:his|her|their) official capacity|told reporters)\b/i;

/** People's names (compromise NLP); officials named in their official capacity are left unredacted unless asked. */
export function findPeople(text: string, options: { redactOfficials?: boolean } = {}): Span[] {
  const out: Span[] = [];
  const doc = nlp(text);
  for (const person of doc.people().json({ offset: true }) as {
    text: string;
    offset: { start: number; length: number };
  }[]) {
    const start = person.offset.start;
    const value = person.text.replace(/[.,;:]+$/, '');
    const official = OFFICIAL_TITLES.test(value) || near(text, start, start + value.length, OFFICIAL_CONTEXT, 60);
    if (official && !options.redactOfficials) continue;
    const name = value.replace(/^(?:mr|mrs|ms|dr|agent|officer|detective|sergeant|sgt|det)\.?\s+/i, '');
    if (name.split(/\s+/).length === 1 && !/^(?:mr|mrs|ms|dr)/i.test(value)) {
      if (!/[A-Z][a-z]+/.test(name)) continue;
    }
    const offset = start + value.indexOf(name);
    const role = /^(agent|officer|detective|sergeant|sgt|det)\b/i.test(value) ? 'LAW_ENFORCEMENT' : 'PERSON_PRIVATE';
    out.push(
      make(
        text,
        offset,
        offset + name.length,
        role === 'LAW_ENFORCEMENT' ? 'PERSON_PRIVATE' : 'PERSON_PRIVATE',
        role === 'LAW_ENFORCEMENT' ? 0.8 : 0.75,
        role === 'LAW_ENFORCEMENT'
          ? 'name of a law-enforcement officer (personal privacy)'
          : 'name of a private individual',
        'nlp',
      ),
    );
  }
  return out.map((s) => (s.reason.startsWith('name of a law') ? { ...s, exemption: '(b)(7)(C)' } : s));
}

export function deterministicSpans(text: string, options: { redactOfficials?: boolean } = {}): Span[] {
  return [
    ...findSsns(text),
    ...findContacts(text),
    ...findDatesOfBirth(text),
    ...findAccounts(text),
    ...findClassification(text),
    ...findPeople(text, options),
  ];
}
