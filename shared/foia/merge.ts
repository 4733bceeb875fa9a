import type { Span } from './types';

/**
 * Overlapping spans of the same category become one covering both (a sentence-level span does not swallow a
 * precise SSN or address inside it: those stay separate items for the reviewer and the index). Agreement between independent
 * layers raises confidence (noisy-OR), so a name found by NLP and the model is surer than either alone.
 */
export function mergeSpans(spans: Span[], text: string): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: (Span & { sources: Set<string> })[] = [];
  for (const s of sorted) {
    const last = [...merged].reverse().find((m) => m.category === s.category && s.start < m.end);
    if (last) {
      const strongest = s.confidence > last.confidence ? s : last;
      const sources = new Set([...last.sources, s.source]);
      const confidence =
        sources.size > 1 ? 1 - (1 - last.confidence) * (1 - s.confidence) : Math.max(last.confidence, s.confidence);
      const end = Math.max(last.end, s.end);
      Object.assign(last, {
        category: strongest.category,
        exemption: strongest.exemption,
        reason: strongest.reason,
        source: strongest.source,
        end,
        confidence: Math.min(0.99, confidence),
        sources,
      });
      last.text = text.slice(last.start, last.end);
    } else merged.push({ ...s, sources: new Set([s.source]) });
  }
  return merged
    .map(({ sources: _sources, ...s }) => ({ ...s, confidence: Math.round(s.confidence * 100) / 100 }))
    .sort((a, b) => a.start - b.start || b.end - a.end);
}
