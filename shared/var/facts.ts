import { type Backtest, backtest } from './backtest';
import { type DayOverDay, dayOverDay, type PreviousDay } from './change';
import { quantileScenarios, scenarioComponents } from './components';
import { deskRisk } from './desks';
import type { MarketData } from './lake';
import {
  expectedShortfall,
  historicalVaR,
  type MonteCarloSpec,
  monteCarloPnl,
  monteCarloPositionPnl,
  parametricVaR,
} from './measures';
import { buildScenarios, type ReturnKind, type ScenarioSet } from './scenarios';
import { type QuantileMethod, roundCents as round } from './stats';

export interface VarOptions {
  returns: ReturnKind;
  quantile: QuantileMethod;
  method: 'historical' | 'parametric' | 'montecarlo';
  tenDay: 'sqrt10' | 'overlapping';
  monteCarlo: MonteCarloSpec;
  /** Previous business day's headline VaR and contributions, for the day-over-day change. */
  previous?: PreviousDay;
}

export const DEFAULT_OPTIONS: VarOptions = {
  returns: 'simple',
  quantile: 'linear',
  method: 'historical',
  tenDay: 'sqrt10',
  monteCarlo: { scenarios: 10_000, seed: 42, distribution: 'normal', dof: 5 },
};

const RETURNS_RULE: Record<ReturnKind, string> = {
  simple: 'simple: P&L = V x (P_t / P_t-1 - 1), FX included',
  log: 'log: P&L = V x ln(P_t / P_t-1), the log-return approximation, FX included',
  absolute: "absolute: P&L = today's quantity x (P_t - P_t-1) x today's FX + V x FX move",
};

export interface FactsSheet {
  date: string;
  baseCurrency: string;
  portfolioValue: number;
  positions: number;
  conventions: Record<string, string | number>;
  var: { method: string; var95: number; var99: number; var95TenDay: number; var99TenDay: number };
  allMethods: {
    historical: { var95: number; var99: number };
    parametric: { var95: number; var99: number };
    monteCarlo: { var95: number; var99: number };
  };
  expectedShortfall975: number;
  byDesk: {
    desk: string;
    grossExposure: number;
    componentVar99: number;
    marginalVar99: number;
    limit: number | null;
    utilisation: number | null;
    breach: boolean;
  }[];
  byInstrument: {
    ticker: string;
    desk: string;
    exposure: number;
    marginalVar99: number;
    componentVar99: number;
    /** This instrument's part of the headline 1-day 99% VaR under the report's method (they sum to it). */
    contributionVar99: number;
  }[];
  firm: { limit: number; utilisation: number; breach: boolean };
  backtest: Backtest;
  change: DayOverDay | null;
  distribution: { pnl: number[] };
}

/** Every figure of the daily report, computed in code; the narrative may only quote these. */
export function computeFactsSheet(lake: MarketData, date: string, options: Partial<VarOptions> = {}): FactsSheet {
  const o = { ...DEFAULT_OPTIONS, ...options, monteCarlo: { ...DEFAULT_OPTIONS.monteCarlo, ...options.monteCarlo } };
  const s = buildScenarios(lake, date, o.returns, 1);
  const hist = { var95: historicalVaR(s.pnl, 0.95, o.quantile), var99: historicalVaR(s.pnl, 0.99, o.quantile) };
  const p95 = parametricVaR(s.exposures, s.returns, 0.95);
  const p99 = parametricVaR(s.exposures, s.returns, 0.99);
  const mc = o.monteCarlo;
  const mcPnl = monteCarloPnl(s.exposures, s.returns, mc.scenarios, mc.seed, mc.distribution, mc.dof);
  const monte = { var95: historicalVaR(mcPnl, 0.95, o.quantile), var99: historicalVaR(mcPnl, 0.99, o.quantile) };
  const chosen =
    o.method === 'historical' ? hist : o.method === 'parametric' ? { var95: p95.var, var99: p99.var } : monte;
  let tenDay = { var95: chosen.var95 * Math.sqrt(10), var99: chosen.var99 * Math.sqrt(10) };
  if (o.tenDay === 'overlapping') {
    const ten = buildScenarios(lake, date, o.returns, 10);
    tenDay = { var95: historicalVaR(ten.pnl, 0.95, o.quantile), var99: historicalVaR(ten.pnl, 0.99, o.quantile) };
  }
  const contribution = headlineComponents(o, s, mcPnl, p99.component);
  const byInstrument = s.tickers.map((ticker, i) => ({
    ticker,
    desk: s.desks[i]!,
    exposure: round(s.exposures[i]!),
    marginalVar99: p99.marginal[i]!,
    componentVar99: round(p99.component[i]!),
    contributionVar99: round(contribution[i]!),
  }));
  const byDesk = deskRows(lake, s, p99.marginal);
  const var99 = round(chosen.var99);
  const contributions = Object.fromEntries(byInstrument.map((x) => [x.ticker, x.contributionVar99]));
  return {
    date,
    baseCurrency: lake.baseCurrency,
    portfolioValue: round(Array.from(s.exposures).reduce((a, b) => a + b, 0)),
    positions: s.tickers.length,
    conventions: conventionsOf(o, s.pnl.length),
    var: {
      method: o.method,
      var95: round(chosen.var95),
      var99,
      var95TenDay: round(tenDay.var95),
      var99TenDay: round(tenDay.var99),
    },
    allMethods: {
      historical: { var95: round(hist.var95), var99: round(hist.var99) },
      parametric: { var95: round(p95.var), var99: round(p99.var) },
      monteCarlo: { var95: round(monte.var95), var99: round(monte.var99) },
    },
    expectedShortfall975: round(expectedShortfall(s.pnl, 0.975)),
    byDesk,
    byInstrument,
    firm: {
      limit: lake.limits.firm,
      utilisation: round((100 * chosen.var99) / lake.limits.firm),
      breach: chosen.var99 > lake.limits.firm,
    },
    backtest: backtest(s.pnl, s.dates),
    change: o.previous?.method === o.method ? dayOverDay(o.previous, var99, contributions) : null,
    distribution: { pnl: Array.from(s.pnl, round) },
  };
}

/** How each figure was computed, in words the report prints beside it. */
function conventionsOf(o: VarOptions, scenarios: number) {
  return {
    returns: o.returns,
    returnsRule: RETURNS_RULE[o.returns],
    quantile: o.quantile,
    method: o.method,
    tenDay: o.tenDay === 'sqrt10' ? 'square-root-of-time (sqrt 10)' : 'overlapping 10-day returns',
    scenarios,
    monteCarloScenarios: o.monteCarlo.scenarios,
    monteCarloDistribution: o.monteCarlo.distribution,
    parametric: 'normal, zero mean, sample covariance of the same returns',
    expectedShortfall: 'historical, 97.5%',
    contributions:
      o.method === 'parametric'
        ? 'parametric component VaR (Euler)'
        : `each position's P&L in the ${o.method} quantile scenario(s), interpolated as the quantile`,
    deskMarginal: "parametric VaR added per unit of the desk's gross exposure, its positions grown pro rata",
  };
}

/** Each desk's gross exposure, component and marginal VaR against its limit. */
function deskRows(lake: MarketData, s: ScenarioSet, marginal: number[]) {
  return deskRisk(s.desks, s.exposures, marginal).map((d) => {
    const limit = lake.limits.desks[d.desk] ?? null;
    return {
      desk: d.desk,
      grossExposure: round(d.grossExposure),
      componentVar99: round(d.componentVar),
      marginalVar99: d.marginalVar,
      limit,
      utilisation: limit ? round((100 * d.componentVar) / limit) : null,
      breach: limit !== null && d.componentVar > limit,
    };
  });
}

/** The headline 1-day 99% VaR split by position under the report's own method, so the parts sum to it. */
function headlineComponents(o: VarOptions, s: ScenarioSet, mcPnl: Float64Array, parametric: number[]): number[] {
  if (o.method === 'parametric') return parametric;
  if (o.method === 'historical') {
    const at = quantileScenarios(s.pnl, 1 - 0.99, o.quantile);
    return scenarioComponents(
      at,
      at.map((q) => s.positionPnl.map((p) => p[q.index]!)),
    );
  }
  const at = quantileScenarios(mcPnl, 1 - 0.99, o.quantile);
  const positions = monteCarloPositionPnl(
    s.exposures,
    s.returns,
    o.monteCarlo,
    at.map((q) => q.index),
  );
  return scenarioComponents(at, positions);
}
