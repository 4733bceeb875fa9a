import { columnHeader } from './context';
import { type Hit, hit } from './types';

const MONTH_NAMES =
  'January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec';
/** Month names as OCR reads them too ("Ju1y", "0ct"). */
const MONTH = `(?:${MONTH_NAMES.replace(/l/g, '[l1I]').replace(/o/g, '[o0]').replace(/O/g, '[O0]').replace(/i/g, '[i1l]')})`;
const D = '[0-9OlIS]';
export const DATE = new RegExp(
  [
    `\\b${D}{1,2}\\s?[/.-]\\s?${D}{1,2}\\s?[/.-]\\s?(?:${D}{4}|${D}{2})\\b`,
    `\\b${D}{4}\\s?-?\\s?${D}{2}\\s?-?\\s?${D}{2}\\b`,
    `\\b${MONTH}\\.?\\s*${D}{1,2}(?:st|nd|rd|th)?\\s?,?\\s*${D}{4}\\b`,
    `\\b${D}{1,2}(?:st|nd|rd|th)?\\s*(?:of\\s+)?${MONTH}\\.?,?\\s*${D}{4}\\b`,
  ].join('|'),
  'gi',
);
const DOB_CONTEXT = /\b(?:dob|d\.o\.b\.?|date of birth|birth ?date|born|birthday)\b/i;

/** Dates of birth: a date with birth words just before it, or in a table column headed so. */
export function findDatesOfBirth(text: string): Hit[] {
  const out: Hit[] = [];
  let previousEnd = 0;
  for (const m of text.matchAll(DATE)) {
    const start = m.index!;
    const end = start + m[0].length;
    // The birth words must be between this date and the one before it, inside the same clause.
    const from = Math.max(
      previousEnd,
      start - 30,
      text.lastIndexOf(';', start) + 1,
      text.lastIndexOf('\n', start - 1) + 1,
    );
    previousEnd = end;
    if (DOB_CONTEXT.test(text.slice(from, start)) || DOB_CONTEXT.test(columnHeader(text, start) ?? ''))
      out.push(hit(text, start, end, 'DOB', 0.95, 'date of birth of an individual', 'context'));
  }
  return out;
}
