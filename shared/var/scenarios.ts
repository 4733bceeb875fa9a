import { UserError } from '../errors';
import type { MarketData } from './lake';

export type ReturnKind = 'simple' | 'log' | 'absolute';

export interface ScenarioSet {
  dates: string[];
  tickers: string[];
  desks: string[];
  /** Base-currency exposure per position (quantity × today's price × today's FX). */
  exposures: Float64Array;
  /** Per position, its P&L per unit of today's value under the convention (what parametric and Monte Carlo use). */
  returns: Float64Array[];
  /** Portfolio P&L per historical day (base currency), by convention. */
  pnl: Float64Array;
  /** P&L per position per day, for attribution. */
  positionPnl: Float64Array[];
}

function fxSeries(lake: MarketData, currency: string, dates: string[]): Float64Array {
  if (currency === lake.baseCurrency) return new Float64Array(dates.length).fill(1);
  const byDate = new Map(lake.fx.filter((f) => f.currency === currency).map((f) => [f.date, f.rate]));
  return Float64Array.from(dates, (d) => {
    const rate = byDate.get(d);
    if (rate === undefined) throw new UserError(`no ${currency} rate for ${d}`, 'fx.csv');
    return rate;
  });
}

/**
 * Return per unit of today's base-currency value V, so position P&L is V·r:
 * simple r = (P·X)ₜ/(P·X)ₜ₋ₕ − 1; log r = ln((P·X)ₜ/(P·X)ₜ₋ₕ), the log-return approximation (not e^r − 1, which
 * is simple again); absolute r = (Pₜ − Pₜ₋ₕ)/P_today + Xₜ/Xₜ₋ₕ − 1, i.e. the price change times today's quantity
 * and FX rate, plus today's value times the FX move.
 */
function unitReturn(kind: ReturnKind, price: Float64Array, fx: Float64Array, t: number, horizon: number): number {
  const priceRatio = price[t + horizon]! / price[t]!;
  const fxRatio = fx[t + horizon]! / fx[t]!;
  if (kind === 'log') return Math.log(priceRatio * fxRatio);
  if (kind === 'absolute') return (price[t + horizon]! - price[t]!) / price[price.length - 1]! + fxRatio - 1;
  return priceRatio * fxRatio - 1;
}

/**
 * Historical scenarios: each past day's returns applied to today's positions, in base currency with FX moves
 * included. `horizon` 10 uses overlapping 10-day returns.
 */
export function buildScenarios(lake: MarketData, asOf: string, kind: ReturnKind = 'simple', horizon = 1): ScenarioSet {
  const positions = lake.positions;
  if (positions.length === 0) throw new UserError('has no positions', `positions/${asOf}.csv`);
  const dates = [...new Set(lake.prices.map((p) => p.date))].filter((d) => d <= asOf).sort();
  if (dates.at(-1) !== asOf)
    throw new UserError(`has no prices for ${asOf} (market data is stale)`, `marketdata/${asOf}/prices.csv`);
  const index = new Map(dates.map((d, i) => [d, i]));
  const series = new Map<string, Float64Array>();
  for (const p of positions) {
    if (series.has(p.ticker)) continue;
    const s = new Float64Array(dates.length).fill(Number.NaN);
    for (const point of lake.prices)
      if (point.ticker === p.ticker && index.has(point.date)) s[index.get(point.date)!] = point.close;
    const missing = s.findIndex((v) => Number.isNaN(v));
    if (missing >= 0)
      throw new UserError(`${p.ticker} has no close for ${dates[missing]}`, `marketdata/${asOf}/prices.csv`);
    series.set(p.ticker, s);
  }
  const n = dates.length - horizon;
  if (n < 30)
    throw new UserError(
      `needs at least ${30 + horizon} days of prices, has ${dates.length}`,
      `marketdata/${asOf}/prices.csv`,
    );
  const last = dates.length - 1;
  const exposures = new Float64Array(positions.length);
  const returns: Float64Array[] = [];
  const positionPnl: Float64Array[] = [];
  const pnl = new Float64Array(n);
  positions.forEach((p, i) => {
    const price = series.get(p.ticker)!;
    const fx = fxSeries(lake, p.currency, dates);
    exposures[i] = p.quantity * price[last]! * fx[last]!;
    const r = new Float64Array(n);
    const contribution = new Float64Array(n);
    for (let t = 0; t < n; t++) {
      r[t] = unitReturn(kind, price, fx, t, horizon);
      contribution[t] = exposures[i]! * r[t]!;
      pnl[t] = pnl[t]! + contribution[t]!;
    }
    returns.push(r);
    positionPnl.push(contribution);
  });
  return {
    dates: dates.slice(horizon),
    tickers: positions.map((p) => p.ticker),
    desks: positions.map((p) => p.desk),
    exposures,
    returns,
    pnl,
    positionPnl,
  };
}
