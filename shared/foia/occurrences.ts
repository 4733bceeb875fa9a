const WORD = /[\p{L}\p{N}_]/u;

/**
 * Where `needle` starts in `text`, every time, left to right and without overlap — as a whole word where it begins or
 * ends with a letter or digit, so adding "Ann" withholds "Ann" but not the start of "Annual" or the middle of "Joanna".
 */
export function occurrences(text: string, needle: string): number[] {
  const found: number[] = [];
  if (!needle) return found;
  const bounded = (at: number) =>
    !(WORD.test(needle[0]!) && WORD.test(text[at - 1] ?? '')) &&
    !(WORD.test(needle.at(-1)!) && WORD.test(text[at + needle.length] ?? ''));
  for (let at = text.indexOf(needle); at >= 0; ) {
    if (bounded(at)) {
      found.push(at);
      at = text.indexOf(needle, at + needle.length);
    } else at = text.indexOf(needle, at + 1);
  }
  return found;
}
