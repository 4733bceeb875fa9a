export const CATEGORIES = [
  'PERSON_PRIVATE',
  'ADDRESS',
  'PHONE',
  'EMAIL',
  'SSN',
  'DOB',
  'FINANCIAL_ACCOUNT',
  'ID_NUMBER',
  'MEDICAL',
  'CLASSIFIED',
  'DELIBERATIVE',
  'LAW_ENFORCEMENT',
  'COMMERCIAL',
] as const;
export type Category = (typeof CATEGORIES)[number];

/** The exemption each category is withheld under by default (5 U.S.C. § 552(b)). */
export const EXEMPTION: Record<Category, string> = {
  PERSON_PRIVATE: '(b)(6)',
  ADDRESS: '(b)(6)',
  PHONE: '(b)(6)',
  EMAIL: '(b)(6)',
  SSN: '(b)(6)',
  DOB: '(b)(6)',
  FINANCIAL_ACCOUNT: '(b)(6)',
  ID_NUMBER: '(b)(6)',
  MEDICAL: '(b)(6)',
  CLASSIFIED: '(b)(1)',
  DELIBERATIVE: '(b)(5)',
  LAW_ENFORCEMENT: '(b)(7)(E)',
  COMMERCIAL: '(b)(4)',
};

export interface Span {
  start: number;
  end: number;
  text: string;
  category: Category;
  exemption: string;
  confidence: number;
  reason: string;
  source: 'pattern' | 'nlp' | 'model';
}
