import { type Hit, hit } from './types';

const TYPE =
  '(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Drive|Dr|Boulevard|Blvd|Court|Ct|Way|Place|Pl|Terrace|Ter|Circle|Cir|Parkway|Pkwy|Highway|Hwy|Square|Sq|Trail|Row)';
const WORD = "\\p{Lu}[\\p{L}'’]*\\.?";
const STREET = `(?:\\d{1,6}[A-Z]?[ \\t]+(?:(?:N|S|E|W|North|South|East|West)\\.?[ \\t]+)?(?:(?:${WORD}|\\d{1,3}(?:st|nd|rd|th))[ \\t]+){1,3}${TYPE}\\b\\.?(?:[ \\t]+(?:NW|NE|SW|SE))?|P\\.?\\s?O\\.?\\s+Box\\s+\\d{1,6})`;
const UNIT = '(?:,?\\s*(?:Apt|Apartment|Unit|Suite|Ste|#)\\.?\\s*[\\w-]{1,6})?';
const CITY = `(?:[,\\s]*\\n?\\s*\\p{Lu}[\\p{L}.'’]*(?:\\s\\p{Lu}[\\p{L}.'’]*){0,2},\\s*[A-Z]{2}\\s+\\d{5}(?:-\\d{4})?)`;
const ADDRESS = new RegExp(`\\b${STREET}${UNIT}${CITY}?`, 'gu');
const CITY_LINE = /(?<![\p{L}])\p{Lu}[\p{L}.'’]*(?:\s\p{Lu}[\p{L}.'’]*){0,2},\s*[A-Z]{2}\s+\d{5}(?:-\d{4})?\b/gu;

/** Street addresses (number, street, type, unit, city/state/ZIP or ZIP+4), P.O. boxes, and city/state/ZIP lines. */
export function findAddresses(text: string): Hit[] {
  const out: Hit[] = [];
  for (const m of text.matchAll(ADDRESS))
    out.push(hit(text, m.index!, m.index! + m[0].length, 'ADDRESS', 0.9, 'street address'));
  for (const m of text.matchAll(CITY_LINE)) {
    const start = m.index!;
    if (!out.some((h) => h.start <= start && h.end >= start + m[0].length))
      out.push(hit(text, start, start + m[0].length, 'ADDRESS', 0.8, 'city, state and ZIP code of an address'));
  }
  for (const m of text.matchAll(/\b(?:zip|zip code|postal code|postcode)\s*:?\s*(\d{5}(?:-\d{4})?)\b/gi)) {
    const start = m.index! + m[0].lastIndexOf(m[1]!);
    if (!out.some((h) => h.start <= start && h.end > start))
      out.push(hit(text, start, start + m[1]!.length, 'ADDRESS', 0.85, 'ZIP code of an address'));
  }
  return out;
}
