import { columnHeader, near, OCR_DIGIT, ocrDigits } from './context';
import { type Hit, hit } from './types';

const D = OCR_DIGIT;
const SSN = new RegExp(
  `(?<![\\p{L}\\d-])(${D}{3})([-–]|\\s{1,2})?(${D}{2})(?:[-–]|\\s{1,2})?(${D}{4})(?![\\p{L}\\d-])`,
  'gu',
);
export const SSN_CONTEXT = /\b(?:ssn|s5n|55n|social security|soc\.? ?sec|taxpayer|tin)\b/i;

/** Area 001–899 but not 666, group and serial not zero (SSA rules). */
export function validSsn(digits: string): boolean {
  const area = Number(digits.slice(0, 3));
  return area !== 0 && area !== 666 && area < 900 && digits.slice(3, 5) !== '00' && digits.slice(5) !== '0000';
}

/** Social Security numbers: dashed, spaced or run together, scanner-damaged; validity + context give the confidence. */
export function findSsns(text: string): Hit[] {
  const out: Hit[] = [];
  for (const m of text.matchAll(SSN)) {
    const start = m.index!;
    const end = start + m[0].length;
    const digits = ocrDigits(m[0]);
    if (digits.length !== 9 || (m[0].match(/\d/g) ?? []).length < 6) continue;
    const context = near(text, start, end, SSN_CONTEXT, 40, 0) || SSN_CONTEXT.test(columnHeader(text, start) ?? '');
    const formatted = /^\S{3}[-–]\S{2}[-–]\S{4}$/.test(m[0]);
    if (validSsn(digits) && (formatted || context))
      out.push(hit(text, start, end, 'SSN', context ? 0.98 : 0.85, 'Social Security number of an individual'));
    else if (context)
      out.push(hit(text, start, end, 'SSN', 0.6, 'SSN-formatted number next to SSN words (not a valid SSN)'));
  }
  return out;
}
