import type { Span } from '../../shared/foia/types';

export interface Gold {
  start: number;
  end: number;
  category: string;
}

export interface Scores {
  category: string;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start < b.end && b.start < a.end;

/** Span-level scoring: a prediction is right when it overlaps a gold span of the same category. */
export function score(predicted: Span[], gold: Gold[], categories: string[]): { scores: Scores[]; missedSsns: number } {
  const rows = [...categories, 'ALL'].map((category) => {
    const p = predicted.filter((s) => category === 'ALL' || s.category === category);
    const g = gold.filter((s) => category === 'ALL' || s.category === category);
    const tp = g.filter((x) => p.some((y) => y.category === x.category && overlaps(x, y))).length;
    const fp = p.filter((y) => !g.some((x) => x.category === y.category && overlaps(x, y))).length;
    const fn = g.length - tp;
    const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
    const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
    return {
      category,
      tp,
      fp,
      fn,
      precision,
      recall,
      f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
    };
  });
  const missedSsns = gold.filter(
    (x) => x.category === 'SSN' && !predicted.some((y) => y.category === 'SSN' && overlaps(x, y)),
  ).length;
  return { scores: rows, missedSsns };
}
