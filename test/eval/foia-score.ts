import type { Span } from '../../shared/foia/types';
import type { FoiaDoc } from './corpus/generate';

export interface FoiaScore {
  perCategory: {
    category: string;
    tp: number;
    fp: number;
    fn: number;
    precision: number;
    recall: number;
    f1: number;
  }[];
  missed: { SSN: number; PHONE: number; EMAIL: number };
  mustNot: { total: number; hit: number; rate: number };
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start < b.end && b.start < a.end;
const round = (n: number) => Math.round(n * 1000) / 1000;

/**
 * Span scoring: a gold span is found when a prediction of its category overlaps it; a prediction is a false positive
 * when it overlaps no gold span of its category. Must-not-redact spans hit by any prediction are counted apart.
 */
export function scoreFoia(docs: FoiaDoc[], predicted: Span[][]): FoiaScore {
  const categories = [...new Set(docs.flatMap((d) => d.gold.map((g) => g.category)))].sort();
  const counts = new Map<string, { tp: number; fp: number; fn: number }>();
  const add = (c: string, k: 'tp' | 'fp' | 'fn') => {
    for (const key of [c, 'ALL']) {
      const row = counts.get(key) ?? { tp: 0, fp: 0, fn: 0 };
      row[k]++;
      counts.set(key, row);
    }
  };
  const missed = { SSN: 0, PHONE: 0, EMAIL: 0 };
  let hit = 0;
  let total = 0;
  docs.forEach((doc, i) => {
    const spans = predicted[i]!;
    for (const g of doc.gold) {
      const found = spans.some((s) => s.category === g.category && overlaps(s, g));
      add(g.category, found ? 'tp' : 'fn');
      if (!found && g.category in missed) missed[g.category as keyof typeof missed]++;
    }
    for (const s of spans)
      if (!doc.gold.some((g) => g.category === s.category && overlaps(s, g)))
        add(categories.includes(s.category) ? s.category : 'OTHER', 'fp');
    for (const k of doc.keep) {
      total++;
      if (spans.some((s) => overlaps(s, k))) hit++;
    }
  });
  const perCategory = [...categories, 'OTHER', 'ALL']
    .filter((c) => counts.has(c))
    .map((category) => {
      const { tp, fp, fn } = counts.get(category)!;
      const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
      const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
      const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
      return { category, tp, fp, fn, precision: round(precision), recall: round(recall), f1: round(f1) };
    });
  return { perCategory, missed, mustNot: { total, hit, rate: round(total === 0 ? 0 : hit / total) } };
}
