import { type QuantileMethod, quantileRanks } from './stats';

export interface QuantileScenario {
  index: number;
  weight: number;
}

/** The scenarios whose P&L make up the q-quantile, with the weights `quantile` gives them under `method`. */
export function quantileScenarios(pnl: ArrayLike<number>, q: number, method: QuantileMethod): QuantileScenario[] {
  const order = Array.from({ length: pnl.length }, (_, i) => i).sort((a, b) => pnl[a]! - pnl[b]! || a - b);
  return quantileRanks(pnl.length, q, method).map((r) => ({ index: order[r.rank]!, weight: r.weight }));
}

/**
 * Component VaR of a simulation (historical or Monte Carlo): each position's loss in the quantile scenario(s),
 * weighted as the quantile interpolates them, so the components add up to the VaR exactly.
 * `positionPnl[k]` holds every position's P&L in `scenarios[k]`.
 */
export function scenarioComponents(scenarios: QuantileScenario[], positionPnl: ArrayLike<number>[]): number[] {
  const n = positionPnl[0]?.length ?? 0;
  return Array.from({ length: n }, (_, i) => scenarios.reduce((sum, s, k) => sum - s.weight * positionPnl[k]![i]!, 0));
}
