import { type Hit, hit } from './types';

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

const LABELS: [RegExp, 'ID_NUMBER' | 'FINANCIAL_ACCOUNT', string][] = [
  [/\b(?:checking |savings |bank )?(?:account|acct)\b/i, 'FINANCIAL_ACCOUNT', 'bank account number'],
  [/\b(?:routing|aba|iban)\b/i, 'FINANCIAL_ACCOUNT', 'bank routing number'],
  [/\bpassport\b/i, 'ID_NUMBER', 'passport number'],
  [/\b(?:driver['’]?s licen[cs]e|DL)\b/i, 'ID_NUMBER', "driver's licence number"],
  [/\b(?:mrn|medical record)\b/i, 'ID_NUMBER', 'medical record number'],
  [/\b(?:case|claim|file)\b/i, 'ID_NUMBER', 'case or claim number of an individual'],
  [/\b(?:a-number|alien registration)\b/i, 'ID_NUMBER', 'alien registration number'],
  [/\b(?:employee id|badge|member id|policy)\b/i, 'ID_NUMBER', 'personal identification number'],
];
const LABELLED = new RegExp(
  `(${LABELS.map(([r]) => r.source).join('|')})(?:\\s*(?:no\\.?|number|num\\.?|#|id))?\\s*[:#.]?\\s*((?=[A-Z]{0,3}[-\\s]?\\d)[A-Z]{0,3}[-\\s]?[0-9OlI][0-9OlIA-Z-]{3,24})\\b`,
  'gi',
);

/** Card numbers by the Luhn checksum; account, MRN, case, passport, licence and other numbers by the words before them. */
export function findNumbers(text: string): Hit[] {
  const out: Hit[] = [];
  for (const m of text.matchAll(/(?<![\d+-])(?:\d[ -]?){12,18}\d(?![\d-])/g)) {
    const digits = m[0].replace(/\D/g, '');
    if (digits.length >= 13 && luhn(digits))
      out.push(
        hit(
          text,
          m.index!,
          m.index! + m[0].length,
          'FINANCIAL_ACCOUNT',
          0.92,
          'payment card number (passes the Luhn check)',
        ),
      );
  }
  for (const m of text.matchAll(LABELLED)) {
    const value = m[2]!.trim();
    if ((value.match(/\d/g) ?? []).length < 4) continue;
    const start = m.index! + m[0].lastIndexOf(value);
    const [, kind, reason] = LABELS.find(([r]) => r.test(m[1]!))!;
    out.push(hit(text, start, start + value.length, kind, 0.88, reason, 'context'));
  }
  return out;
}
