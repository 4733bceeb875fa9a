/** Splits long text into overlapping chunks at whitespace; each chunk remembers where it starts. */
export function chunkText(text: string, size = 6000, overlap = 400): { offset: number; text: string }[] {
  if (text.length <= size) return [{ offset: 0, text }];
  const chunks: { offset: number; text: string }[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + size);
    if (end < text.length) {
      const space = text.lastIndexOf(' ', end);
      if (space > start + size / 2) end = space;
    }
    chunks.push({ offset: start, text: text.slice(start, end) });
    if (end >= text.length) break;
    start = Math.max(start + 1, end - overlap);
  }
  return chunks;
}
