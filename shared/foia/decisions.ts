import type { Category, Span } from './types';

/** What the legal reviewer decided: per recommendation accept or reject (optionally citing another exemption), plus additions. */
export interface FoiaDecisions {
  decisions: { id: string; action: 'accept' | 'reject'; exemption?: string }[];
  added: { start: number; end: number; category: Category; exemption: string; reason: string }[];
}

/** The redactions to release: accepted recommendations (with the reviewer's exemption where changed) and additions. */
export function applyDecisions(
  recommendations: readonly (Span & { id: string })[],
  decisions: FoiaDecisions | null,
  text: string,
): Span[] {
  const byId = new Map((decisions?.decisions ?? []).map((d) => [d.id, d]));
  const kept: Span[] = recommendations
    .filter((r) => byId.get(r.id)?.action !== 'reject')
    .map(({ id, ...r }) => {
      const exemption = byId.get(id)?.exemption;
      if (!exemption || exemption === r.exemption) return r;
      return { ...r, exemption, reason: `${r.reason}; the reviewer cited ${exemption} instead of ${r.exemption}` };
    });
  const added: Span[] = (decisions?.added ?? []).map((a) => ({
    ...a,
    text: text.slice(a.start, a.end),
    confidence: 1,
    source: 'pattern',
  }));
  return [...kept, ...added];
}
