export type IdentifierKind =
  | 'SSN'
  | 'PHONE'
  | 'EMAIL'
  | 'ADDRESS'
  | 'DOB'
  | 'ID_NUMBER'
  | 'FINANCIAL_ACCOUNT'
  | 'PERSON';

/** One identifier found in a text: where, what, how sure (pattern + checksum + context, as Presidio scores) and why. */
export interface Hit {
  start: number;
  end: number;
  text: string;
  kind: IdentifierKind;
  confidence: number;
  reason: string;
  source: 'pattern' | 'context' | 'nlp';
  /** A person named with an official title ("Secretary Jane Doe"): FOIA keeps these; de-identification does not. */
  officialRole?: boolean;
}

export function hit(
  text: string,
  start: number,
  end: number,
  kind: IdentifierKind,
  confidence: number,
  reason: string,
  source: Hit['source'] = 'pattern',
): Hit {
  return { start, end, text: text.slice(start, end), kind, confidence, reason, source };
}
