/** Text that names the public record rather than a private person: statute and case citations, agency names. */
const CAP = "(?:[A-Z][\\w.’'&-]*|of|the|for|and|&)";
const PATTERNS = [
  /\b\d+\s+U\.S\.C\.?\s*(?:§+\s*)?\d+[\w()]*/g,
  /\b\d+\s+C\.F\.R\.?\s*(?:§+\s*|Part\s+)?[\d.]+/g,
  new RegExp(
    `(?:${CAP}\\s){1,10}v\\.\\s(?:${CAP},?\\s){1,12}\\d+\\s(?:U\\.S\\.|F\\.(?:\\s?Supp\\.)?(?:\\s?\\dd)?|S\\.\\s?Ct\\.)\\s\\d+(?:\\s\\([^)]*\\))?`,
    'g',
  ),
];
export const AGENCY =
  /(?:U\.S\.\s)?(?:[A-Z][\w.’'-]*\s){0,4}(?:Department|Dep’t|Agency|Administration|Bureau|Office|Commission|Service|Services|Board)(?:\s(?:of|the|and|for|on|[A-Z][\w.’'-]*))*/g;
const VENUE = /\b(?:headquarters|meeting at|offices? at|held at|located at)\s*$/i;

export function publicRecordRanges(text: string): { start: number; end: number; kind: string }[] {
  const out: { start: number; end: number; kind: string }[] = [];
  for (const [i, p] of PATTERNS.entries())
    for (const m of text.matchAll(p))
      out.push({ start: m.index!, end: m.index! + m[0].length, kind: i < 2 ? 'statute' : 'case' });
  for (const m of text.matchAll(AGENCY)) out.push({ start: m.index!, end: m.index! + m[0].length, kind: 'agency' });
  return out;
}

/** An address is the agency's own when the line before it (or the words just before it) name an agency or a venue. */
export function isPublicAddress(text: string, start: number): boolean {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const before = text.slice(lineStart, start);
  if (VENUE.test(before)) return true;
  if (before.trim() !== '') return false;
  const prevStart = text.lastIndexOf('\n', lineStart - 2) + 1;
  const prev = text.slice(prevStart, lineStart - 1).trim();
  const agency = prev.match(AGENCY);
  return agency !== null && agency[0].length >= prev.length - 2;
}
