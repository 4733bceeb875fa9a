import type { Span } from './types';

/** A stretch withheld as one: the union of overlapping or touching spans, citing every exemption among them. */
export interface RedactedRegion {
  start: number;
  end: number;
  exemptions: string[];
}

/** Spans of different categories are never merged for review, so release must redact their union. */
export function redactedRegions(spans: readonly Pick<Span, 'start' | 'end' | 'exemption'>[]): RedactedRegion[] {
  const regions: RedactedRegion[] = [];
  for (const s of [...spans].filter((x) => x.end > x.start).sort((a, b) => a.start - b.start)) {
    const last = regions.at(-1);
    if (last && s.start <= last.end) {
      last.end = Math.max(last.end, s.end);
      if (!last.exemptions.includes(s.exemption)) last.exemptions.push(s.exemption);
    } else regions.push({ start: s.start, end: s.end, exemptions: [s.exemption] });
  }
  return regions;
}

/** The marker printed at the place of a deletion (the statute asks for the exemption to be shown there). */
export const regionMarker = (region: RedactedRegion): string => `[${region.exemptions.join('; ')}]`;

/**
 * text[from, to) with each region's part inside it replaced by the region's marker; a region cut by the range's
 * edge (a page break) is marked on both sides, so no part of it is ever printed.
 */
export function redactRange(text: string, regions: readonly RedactedRegion[], from = 0, to = text.length): string {
  let out = '';
  let at = from;
  for (const r of regions) {
    if (r.end <= from || r.start >= to) continue;
    out += text.slice(at, Math.max(r.start, from)) + regionMarker(r);
    at = Math.min(r.end, to);
  }
  return out + text.slice(at, to);
}

/** The text with every redacted span removed and marked by its exemption(s). */
export const redactText = (text: string, spans: readonly Pick<Span, 'start' | 'end' | 'exemption'>[]): string =>
  redactRange(text, redactedRegions(spans));
