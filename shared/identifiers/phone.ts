import { columnHeader, near, OCR_DIGIT, ocrDigits } from './context';
import { type Hit, hit } from './types';

const D = OCR_DIGIT;
const NANP = new RegExp(
  `(?<![\\p{L}\\d+-])(?:\\+?1[\\s.-]?)?(?:\\(${D}{3}\\)\\s?|${D}{3}[\\s.-]{1,2})${D}{3}[\\s.-]{1,2}${D}{4}(?![\\p{L}\\d-])`,
  'gu',
);
const INTERNATIONAL = /(?<![\w+])\+(?!1[\s(])\d{1,3}(?:[\s.-]{0,2}\(?[\dOlIS]{1,5}\)?){2,5}(?![\w-])/g;
const BARE = /(?<![\w-])\d{10}(?![\w-])/g;
const PHONE_CONTEXT = /\b(?:phone|tel|telephone|cell|mobile|call|fax|text|reach|contact)\b/i;

/** Telephone numbers: NANP in its usual shapes (also scanner-damaged) and international (+country code). */
export function findPhones(text: string): Hit[] {
  const out: Hit[] = [];
  const push = (start: number, value: string, confidence: number) =>
    out.push(hit(text, start, start + value.length, 'PHONE', confidence, 'personal telephone number'));
  for (const m of text.matchAll(NANP)) {
    const digits = ocrDigits(m[0]);
    if (digits.length < 10 || digits.length > 11 || (m[0].match(/\d/g) ?? []).length < 7) continue;
    if (/^\S{3}[-–]\S{2}[-–]\S{4}$/.test(m[0])) continue;
    push(m.index!, m[0], near(text, m.index!, m.index! + m[0].length, PHONE_CONTEXT) ? 0.95 : 0.8);
  }
  for (const m of text.matchAll(INTERNATIONAL)) {
    const digits = ocrDigits(m[0]);
    if (digits.length >= 8 && digits.length <= 15) push(m.index!, m[0].trimEnd(), 0.85);
  }
  for (const m of text.matchAll(BARE))
    if (near(text, m.index!, m.index! + 10, PHONE_CONTEXT) || /phone|tel/i.test(columnHeader(text, m.index!) ?? ''))
      push(m.index!, m[0], 0.75);
  // A national number inside an international one is the same phone.
  return out.filter(
    (h) => !out.some((o) => o !== h && o.start <= h.start && o.end >= h.end && o.end - o.start > h.end - h.start),
  );
}
