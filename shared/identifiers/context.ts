/** Presidio-style context: words near a match that make it more likely to be what it looks like. */
export function near(text: string, start: number, end: number, words: RegExp, before = 40, after = 10): boolean {
  return words.test(text.slice(Math.max(0, start - before), Math.min(text.length, end + after)));
}

/**
 * The header of the table column a position is in (pipe tables and CSV): the header row names what a bare value is
 * ("ssn", "dob", "last_name") when no words stand next to it.
 */
export function columnHeader(text: string, at: number): string | undefined {
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const line = text.slice(lineStart, text.indexOf('\n', at) < 0 ? undefined : text.indexOf('\n', at));
  const delimiter = line.includes('|') ? '|' : line.includes(',') ? ',' : undefined;
  if (!delimiter) return undefined;
  const column = cellsBefore(text.slice(lineStart, at), delimiter);
  let headerStart = lineStart;
  // A table's header is at most a page above its rows; looking further makes a long document quadratic.
  for (let rows = 0; rows < 80; rows++) {
    const prevEnd = headerStart - 1;
    if (prevEnd <= 0) break;
    const prevStart = text.lastIndexOf('\n', prevEnd - 1) + 1;
    const prev = text.slice(prevStart, prevEnd);
    if (!prev.includes(delimiter)) break;
    headerStart = prevStart;
  }
  const header = text.slice(headerStart, text.indexOf('\n', headerStart));
  if (headerStart === lineStart) return undefined;
  return header.split(delimiter)[column]?.trim();
}

/** How many delimiters precede a position on its line, ignoring those inside double quotes (CSV). */
function cellsBefore(prefix: string, delimiter: string): number {
  let quoted = false;
  let n = 0;
  for (const c of prefix) {
    if (c === '"') quoted = !quoted;
    else if (c === delimiter && !quoted) n++;
  }
  return n;
}

/** OCR reads digits as look-alike letters: O for 0, l/I/| for 1, S for 5. */
export const OCR_DIGIT = '[0-9OlI|S]';
export const ocrDigits = (value: string): string =>
  value.replace(/[Oo]/g, '0').replace(/[lI|]/g, '1').replace(/S/g, '5').replace(/\D/g, '');
