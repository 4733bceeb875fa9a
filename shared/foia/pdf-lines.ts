/** Breaks one line into pieces that `fits` accepts: at spaces where it can, inside a word only when it must. */
export function wrapLine(line: string, fits: (piece: string) => boolean): string[] {
  const pieces: string[] = [];
  let current: string | undefined;
  for (let word of line.split(' ')) {
    const joined = current === undefined ? word : `${current} ${word}`;
    if (fits(joined)) {
      current = joined;
      continue;
    }
    if (current !== undefined) pieces.push(current);
    while (word.length > 1 && !fits(word)) {
      let n = 1;
      while (n < word.length - 1 && fits(word.slice(0, n + 1))) n++;
      pieces.push(word.slice(0, n));
      word = word.slice(n);
    }
    current = word;
  }
  pieces.push(current ?? '');
  return pieces;
}

/** Standard PDF fonts encode WinAnsi; anything outside printable ASCII is shown as '?'. */
export const printable = (text: string): string => text.replace(/[^\x20-\x7E\n]/g, '?');
