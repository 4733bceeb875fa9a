import { findAddresses } from './address';
import { findDatesOfBirth } from './dates';
import { findEmails } from './email';
import { findNames } from './names';
import { findNumbers } from './numbers';
import { findPhones } from './phone';
import { findSsns } from './ssn';
import type { Hit } from './types';

export type { Hit, IdentifierKind } from './types';

/**
 * Every recogniser over a text. Where hits of different kinds overlap, the validated one wins (SSN, e-mail, card
 * numbers over a phone or a name), so a name recogniser cannot swallow an identifier.
 */
export function recogniseIdentifiers(text: string): Hit[] {
  const priority = ['SSN', 'EMAIL', 'FINANCIAL_ACCOUNT', 'PHONE', 'DOB', 'ID_NUMBER', 'ADDRESS', 'PERSON'];
  const all = [
    ...findSsns(text),
    ...findEmails(text),
    ...findNumbers(text),
    ...findPhones(text),
    ...findDatesOfBirth(text),
    ...findAddresses(text),
    ...findNames(text),
  ].sort((a, b) => priority.indexOf(a.kind) - priority.indexOf(b.kind) || b.confidence - a.confidence);
  const kept: Hit[] = [];
  for (const h of all) {
    const clash = kept.find((k) => k.start < h.end && h.start < k.end);
    if (!clash) kept.push(h);
    else if (clash.kind === h.kind) {
      clash.start = Math.min(clash.start, h.start);
      clash.end = Math.max(clash.end, h.end);
      clash.text = text.slice(clash.start, clash.end);
    }
  }
  return kept.sort((a, b) => a.start - b.start);
}
