import { historicalVaR } from './measures';
import { chiSquareSurvival } from './stats';

export interface Backtest {
  window: number;
  days: number;
  exceptions: number;
  exceptionDates: string[];
  kupiecLR: number;
  kupiecPValue: number;
  christoffersenLR: number;
  christoffersenPValue: number;
  conditionalCoverageLR: number;
  zone: 'green' | 'yellow' | 'red';
  plusFactor: number;
  /** Each backtested day: the P&L and the VaR it was tested against (for the exceptions chart). */
  series: { date: string; pnl: number; var99: number }[];
}

const PLUS_FACTORS = [0, 0, 0, 0, 0, 0.4, 0.5, 0.65, 0.75, 0.85];

/** Basel traffic light at 99% over 250 days: green 0–4, yellow 5–9 (plus factors 0.40–0.85), red ≥ 10. */
export function baselZone(exceptions: number): { zone: Backtest['zone']; plusFactor: number } {
  if (exceptions >= 10) return { zone: 'red', plusFactor: 1 };
  return { zone: exceptions >= 5 ? 'yellow' : 'green', plusFactor: PLUS_FACTORS[exceptions]! };
}

const xlogy = (x: number, y: number) => (x === 0 ? 0 : x * Math.log(y));

/** Kupiec proportion-of-failures LR ~ χ²(1). */
export function kupiec(exceptions: number, days: number, p: number): number {
  const x = exceptions;
  const n = days;
  const observed = x / n;
  return -2 * (xlogy(n - x, 1 - p) + xlogy(x, p) - xlogy(n - x, 1 - observed) - xlogy(x, observed));
}

/** Christoffersen independence LR ~ χ²(1), from the transition counts of the exception indicator. */
export function christoffersen(hits: boolean[]): number {
  let n00 = 0;
  let n01 = 0;
  let n10 = 0;
  let n11 = 0;
  for (let t = 1; t < hits.length; t++) {
    if (!hits[t - 1] && !hits[t]) n00++;
    else if (!hits[t - 1] && hits[t]) n01++;
    else if (hits[t - 1] && !hits[t]) n10++;
    else n11++;
  }
  const pi0 = n01 / Math.max(1, n00 + n01);
  const pi1 = n11 / Math.max(1, n10 + n11);
  const pi = (n01 + n11) / Math.max(1, n00 + n01 + n10 + n11);
  const unrestricted = xlogy(n00, 1 - pi0) + xlogy(n01, pi0) + xlogy(n10, 1 - pi1) + xlogy(n11, pi1);
  const restricted = xlogy(n00 + n10, 1 - pi) + xlogy(n01 + n11, pi);
  return Math.max(0, -2 * (restricted - unrestricted));
}

/** Rolling-window historical VaR 99% against each of the last `days` P&L outcomes. */
export function backtest(pnl: Float64Array, dates: string[], window = 250, days = 250, confidence = 0.99): Backtest {
  const usable = Math.min(days, pnl.length - window);
  const hits: boolean[] = [];
  const exceptionDates: string[] = [];
  const series: Backtest['series'] = [];
  for (let t = pnl.length - usable; t < pnl.length; t++) {
    const var99 = historicalVaR(pnl.subarray(t - window, t), confidence);
    const hit = pnl[t]! < -var99;
    hits.push(hit);
    series.push({ date: dates[t]!, pnl: Math.round(pnl[t]! * 100) / 100, var99: Math.round(var99 * 100) / 100 });
    if (hit) exceptionDates.push(dates[t]!);
  }
  const exceptions = exceptionDates.length;
  const lr = kupiec(exceptions, usable, 1 - confidence);
  const ind = christoffersen(hits);
  return {
    window,
    days: usable,
    exceptions,
    exceptionDates,
    kupiecLR: lr,
    kupiecPValue: chiSquareSurvival(lr, 1),
    christoffersenLR: ind,
    christoffersenPValue: chiSquareSurvival(ind, 1),
    conditionalCoverageLR: lr + ind,
    ...baselZone(exceptions),
    series,
  };
}
