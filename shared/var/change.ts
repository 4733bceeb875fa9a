import { roundCents } from './stats';

/** The previous business day's headline VaR and its split by instrument, as stored in that day's facts. */
export interface PreviousDay {
  date: string;
  method: string;
  var99: number;
  contributions: Record<string, number>;
}

export interface DayOverDay {
  previousDate: string;
  method: string;
  previousVar99: number;
  var99: number;
  deltaVar99: number;
  topContributors: { ticker: string; previous: number; current: number; delta: number }[];
  /** deltaVar99 − Σ topContributors.delta: every other instrument (and cent rounding). */
  residual: number;
}

/**
 * The change in the headline 1-day 99% VaR since the previous business day, attributed to instruments with the
 * same method's contributions on both days, so the contributors and the residual add up to the change.
 */
export function dayOverDay(
  previous: PreviousDay,
  var99: number,
  contributions: Record<string, number>,
  top = 3,
): DayOverDay {
  const tickers = [...new Set([...Object.keys(contributions), ...Object.keys(previous.contributions)])];
  const topContributors = tickers
    .map((ticker) => {
      const before = previous.contributions[ticker] ?? 0;
      const now = contributions[ticker] ?? 0;
      return { ticker, previous: before, current: now, delta: roundCents(now - before) };
    })
    .sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta) || a.ticker.localeCompare(b.ticker))
    .slice(0, top);
  const deltaVar99 = roundCents(var99 - previous.var99);
  return {
    previousDate: previous.date,
    method: previous.method,
    previousVar99: previous.var99,
    var99,
    deltaVar99,
    topContributors,
    residual: roundCents(deltaVar99 - topContributors.reduce((s, c) => s + c.delta, 0)),
  };
}
