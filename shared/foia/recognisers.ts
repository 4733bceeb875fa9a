import { type Hit, recogniseIdentifiers } from '../identifiers';
import { findSsns as ssnHits } from '../identifiers/ssn';
import { isPublicAddress, publicRecordRanges } from './public-record';
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

const CATEGORY: Record<Hit['kind'], Category> = {
  SSN: 'SSN',
  PHONE: 'PHONE',
  EMAIL: 'EMAIL',
  ADDRESS: 'ADDRESS',
  DOB: 'DOB',
  ID_NUMBER: 'ID_NUMBER',
  FINANCIAL_ACCOUNT: 'FINANCIAL_ACCOUNT',
  PERSON: 'PERSON_PRIVATE',
};

const LAW_ENFORCEMENT = /\b(?:special agent|agent|officer|detective|sergeant|sgt|det)\.?\s*$/i;

/** An agency's role mailbox (foia@agency.gov) is how the public reaches the agency, not a person's address. */
const AGENCY_MAILBOX = /^(?:foia|records|privacy|info|press|media|contact|webmaster)@[\w.-]+\.(?:gov|mil)$/i;

function toSpan(text: string, h: Hit): Span {
  const category = CATEGORY[h.kind];
  const span = make(text, h.start, h.end, category, h.confidence, h.reason, h.source === 'nlp' ? 'nlp' : 'pattern');
  if (h.kind === 'PERSON' && LAW_ENFORCEMENT.test(text.slice(Math.max(0, h.start - 20), h.start)))
    return { ...span, exemption: '(b)(7)(C)', reason: 'name of a law-enforcement officer (personal privacy)' };
  if (h.kind === 'PERSON') return { ...span, reason: `${h.reason}: a private individual` };
  return {
    ...span,
    reason: `${h.reason} of an individual`.replace(' of an individual of an individual', ' of an individual'),
  };
}

export function findSsns(text: string): Span[] {
  return ssnHits(text).map((h) => toSpan(text, h));
}

/** Portion markings and banners; (U) marks unclassified text and is left alone. */
export function findClassification(text: string): Span[] {
  const out: Span[] = [];
  for (const m of text.matchAll(/^\s*(?:(TOP SECRET|SECRET|CONFIDENTIAL)(?:\/\/[A-Z/ ,-]+)?)\s*$/gm)) {
    const start = m.index! + m[0].indexOf(m[1]!);
    out.push(make(text, start, start + m[0].trim().length, 'CLASSIFIED', 0.9, `classification banner ${m[1]}`));
  }
  for (const m of text.matchAll(/(?<![\w)])\((TS|S|C)(?:\/\/[A-Z]+)?\)\s+([^\n]+?)(?=\s*\((?:TS|S|C|U)\)|\n|$)/g)) {
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

/**
 * The shared identifier layer, then FOIA's public-record precision: officials named with their title (unless asked),
 * names inside statute or case citations and agency names, and agencies' own addresses are not private information.
 */
export function personalSpans(text: string, options: { redactOfficials?: boolean } = {}): Span[] {
  const record = publicRecordRanges(text);
  return recogniseIdentifiers(text)
    .filter((h) => {
      if (h.kind === 'PERSON' && h.officialRole && !options.redactOfficials) return false;
      if (h.kind === 'PERSON' && record.some((r) => r.start <= h.start && r.end >= h.end)) return false;
      if (h.kind === 'ADDRESS' && isPublicAddress(text, h.start)) return false;
      if (h.kind === 'EMAIL' && AGENCY_MAILBOX.test(h.text)) return false;
      return true;
    })
    .map((h) => toSpan(text, h));
}

export function deterministicSpans(text: string, options: { redactOfficials?: boolean } = {}): Span[] {
  return [...personalSpans(text, options), ...findClassification(text)];
}
