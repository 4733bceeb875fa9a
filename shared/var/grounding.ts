import type { FactsSheet } from './facts';

/** Numbers a narrative may use without a fact behind them: the conventions themselves. */
const CONVENTION_NUMBERS = [1, 10, 95, 97.5, 99, 250];

function factNumbers(facts: FactsSheet): number[] {
  const out: number[] = [...CONVENTION_NUMBERS];
  const walk = (v: unknown, key = '') => {
    if (key === 'distribution' || key === 'series') return;
    if (typeof v === 'number' && Number.isFinite(v)) out.push(v, Math.abs(v));
    else if (Array.isArray(v)) v.forEach((x) => walk(x));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k);
  };
  walk(facts);
  return out;
}

const decimalsOf = (text: string) => (text.includes('.') ? text.split('.')[1]!.length : 0);
const roundTo = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;

export interface Grounding {
  grounded: boolean;
  unmatched: string[];
  checked: number;
}

/**
 * Every number in the narrative must be a fact after rounding to the precision written (with k/m/bn scaling and
 * percentages); dates must be facts' dates. Code computes numbers; the model may only quote them.
 */
export function checkNarrativeGrounding(narrative: string, facts: FactsSheet): Grounding {
  const allowed = factNumbers(facts);
  const dates = new Set(
    [facts.date, facts.change?.previousDate, ...facts.backtest.exceptionDates].filter(Boolean) as string[],
  );
  const unmatched: string[] = [];
  let checked = 0;
  const withoutDates = narrative.replace(/\b\d{4}-\d{2}-\d{2}\b/g, (d) => {
    checked++;
    if (!dates.has(d)) unmatched.push(d);
    return ' ';
  });
  for (const m of withoutDates.matchAll(/(-?\d[\d,]*(?:\.\d+)?)\s*(%|k\b|m\b|bn\b|thousand|million|billion)?/gi)) {
    const raw = m[1]!.replace(/,/g, '');
    const value = Number(raw);
    if (!Number.isFinite(value)) continue;
    checked++;
    const d = decimalsOf(raw);
    const unit = (m[2] ?? '').toLowerCase();
    const scale =
      unit === 'k' || unit === 'thousand'
        ? 1e3
        : unit === 'm' || unit === 'million'
          ? 1e6
          : unit === 'bn' || unit === 'billion'
            ? 1e9
            : 1;
    const candidates = allowed.flatMap((f) => (unit === '%' ? [f, f * 100] : [f / scale]));
    if (!candidates.some((f) => roundTo(f, d) === roundTo(Math.abs(value), d) || roundTo(f, d) === roundTo(value, d)))
      unmatched.push(m[0]!.trim());
  }
  return { grounded: unmatched.length === 0, unmatched, checked };
}
