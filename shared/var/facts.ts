import { type Backtest, backtest } from './backtest';
import type { MarketData } from './lake';
import { expectedShortfall, historicalVaR, monteCarloPnl, parametricVaR } from './measures';
import { buildScenarios, type ReturnKind } from './scenarios';
import type { QuantileMethod } from './stats';

export interface VarOptions {
  returns: ReturnKind;
  quantile: QuantileMethod;
  method: 'historical' | 'parametric' | 'montecarlo';
  tenDay: 'sqrt10' | 'overlapping';
  monteCarlo: { scenarios: number; seed: number; distribution: 'normal' | 'student-t'; dof: number };
  /** Previous business day's facts, for the day-over-day change. */
  previous?: { date: string; var99: number; contributions: Record<string, number> };
}

export const DEFAULT_OPTIONS: VarOptions = {
  returns: 'simple',
  quantile: 'linear',
  method: 'historical',
  tenDay: 'sqrt10',
  monteCarlo: { scenarios: 10_000, seed: 42, distribution: 'normal', dof: 5 },
};

const round = (x: number) => Math.round(x * 100) / 100;

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
  byDesk: { desk: string; componentVar99: number; limit: number | null; utilisation: number | null; breach: boolean }[];
  byInstrument: { ticker: string; desk: string; exposure: number; marginalVar99: number; componentVar99: number }[];
  firm: { limit: number; utilisation: number; breach: boolean };
  backtest: Backtest;
  change: {
    previousDate: string;
    previousVar99: number;
    deltaVar99: number;
    topContributors: { ticker: string; delta: number }[];
  } | null;
  distribution: { pnl: number[] };
}

/** Every figure of the daily report, computed in code; the narrative may only quote these. */
export function computeFactsSheet(lake: MarketData, date: string, options: Partial<VarOptions> = {}): FactsSheet {
  const o = { ...DEFAULT_OPTIONS, ...options, monteCarlo: { ...DEFAULT_OPTIONS.monteCarlo, ...options.monteCarlo } };
  const s = buildScenarios(lake, date, o.returns, 1);
  const hist = { var95: historicalVaR(s.pnl, 0.95, o.quantile), var99: historicalVaR(s.pnl, 0.99, o.quantile) };
  const p95 = parametricVaR(s.exposures, s.returns, 0.95);
  const p99 = parametricVaR(s.exposures, s.returns, 0.99);
  const mc = monteCarloPnl(
    s.exposures,
    s.returns,
    o.monteCarlo.scenarios,
    o.monteCarlo.seed,
    o.monteCarlo.distribution,
    o.monteCarlo.dof,
  );
  const monte = { var95: historicalVaR(mc, 0.95, o.quantile), var99: historicalVaR(mc, 0.99, o.quantile) };
  const chosen =
    o.method === 'historical' ? hist : o.method === 'parametric' ? { var95: p95.var, var99: p99.var } : monte;
  let tenDay = { var95: chosen.var95 * Math.sqrt(10), var99: chosen.var99 * Math.sqrt(10) };
  if (o.tenDay === 'overlapping') {
    const ten = buildScenarios(lake, date, o.returns, 10);
    tenDay = { var95: historicalVaR(ten.pnl, 0.95, o.quantile), var99: historicalVaR(ten.pnl, 0.99, o.quantile) };
  }
  const byInstrument = s.tickers.map((ticker, i) => ({
    ticker,
    desk: s.desks[i]!,
    exposure: round(s.exposures[i]!),
    marginalVar99: p99.marginal[i]!,
    componentVar99: round(p99.component[i]!),
  }));
  const deskNames = [...new Set(s.desks)].sort();
  const byDesk = deskNames.map((desk) => {
    const component = byInstrument
      .filter((x) => x.desk === desk)
      .reduce((sum, x) => sum + p99.component[s.tickers.indexOf(x.ticker)]!, 0);
    const limit = lake.limits.desks[desk] ?? null;
    return {
      desk,
      componentVar99: round(component),
      limit,
      utilisation: limit ? round((100 * component) / limit) : null,
      breach: limit !== null && component > limit,
    };
  });
  const contributions = Object.fromEntries(byInstrument.map((x) => [x.ticker, x.componentVar99]));
  const change = o.previous
    ? {
        previousDate: o.previous.date,
        previousVar99: o.previous.var99,
        deltaVar99: round(chosen.var99 - o.previous.var99),
        topContributors: Object.entries(contributions)
          .map(([ticker, v]) => ({ ticker, delta: round(v - (o.previous!.contributions[ticker] ?? 0)) }))
          .sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta))
          .slice(0, 3),
      }
    : null;
  return {
    date,
    baseCurrency: lake.baseCurrency,
    portfolioValue: round(Array.from(s.exposures).reduce((a, b) => a + b, 0)),
    positions: s.tickers.length,
    conventions: {
      returns: o.returns,
      quantile: o.quantile,
      method: o.method,
      tenDay: o.tenDay === 'sqrt10' ? 'square-root-of-time (sqrt 10)' : 'overlapping 10-day returns',
      scenarios: s.pnl.length,
      monteCarloScenarios: o.monteCarlo.scenarios,
      monteCarloDistribution: o.monteCarlo.distribution,
      parametric: 'normal, zero mean, sample covariance',
      expectedShortfall: 'historical, 97.5%',
    },
    var: {
      method: o.method,
      var95: round(chosen.var95),
      var99: round(chosen.var99),
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
    change,
    distribution: { pnl: Array.from(s.pnl, round) },
  };
}
