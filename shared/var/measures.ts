import { cholesky, covariance, mean, normInv, type QuantileMethod, quantile, seededNormals } from './stats';

/** Historical VaR: the loss at the (1 − confidence) quantile of P&L, positive for a loss. */
export function historicalVaR(pnl: ArrayLike<number>, confidence: number, method: QuantileMethod = 'linear'): number {
  return -quantile(pnl, 1 - confidence, method);
}

/** Expected shortfall: the mean loss on the days at or beyond the (1 − confidence) quantile. */
export function expectedShortfall(pnl: ArrayLike<number>, confidence: number): number {
  const cut = quantile(pnl, 1 - confidence, 'linear');
  const tail = Array.from(pnl).filter((x) => x <= cut);
  return -mean(tail);
}

export interface Parametric {
  sigma: number;
  var: number;
  marginal: number[];
  component: number[];
}

/** Variance–covariance VaR (normal, zero mean): z·σp, with marginal and component VaR that sum to it. */
export function parametricVaR(exposures: Float64Array, returns: Float64Array[], confidence: number): Parametric {
  const cov = covariance(returns);
  const w = Array.from(exposures);
  const sigmaW = cov.map((row) => row.reduce((s, c, j) => s + c * w[j]!, 0));
  const sigma = Math.sqrt(w.reduce((s, wi, i) => s + wi * sigmaW[i]!, 0));
  const z = normInv(confidence);
  const marginal = sigmaW.map((x) => (z * x) / sigma);
  return { sigma, var: z * sigma, marginal, component: marginal.map((m, i) => m * w[i]!) };
}

export interface MonteCarloSpec {
  scenarios: number;
  seed: number;
  distribution: 'normal' | 'student-t';
  dof: number;
}

/**
 * Correlated normal (Cholesky) or Student-t scenarios of the returns, seeded; returns the portfolio P&L per
 * scenario and, for the scenarios in `capture`, the P&L of each position (for the scenario decomposition).
 */
function simulate(
  exposures: Float64Array,
  returns: Float64Array[],
  spec: MonteCarloSpec,
  capture?: ReadonlySet<number>,
): { pnl: Float64Array; positions: Map<number, Float64Array> } {
  const { scenarios, seed, distribution, dof } = spec;
  const cov = covariance(returns);
  const l = cholesky(cov);
  const n = exposures.length;
  const means = returns.map(mean);
  const normal = seededNormals(seed);
  const z = new Float64Array(n);
  const out = new Float64Array(scenarios);
  const positions = new Map<number, Float64Array>();
  const tScale = Math.sqrt((dof - 2) / dof);
  for (let s = 0; s < scenarios; s++) {
    for (let i = 0; i < n; i++) z[i] = normal();
    let mix = 1;
    if (distribution === 'student-t') {
      let chi = 0;
      for (let k = 0; k < dof; k++) chi += normal() ** 2;
      mix = Math.sqrt(dof / chi) * tScale;
    }
    const kept = capture?.has(s) ? new Float64Array(n) : undefined;
    let pnl = 0;
    for (let i = 0; i < n; i++) {
      let r = 0;
      const row = l[i]!;
      for (let k = 0; k <= i; k++) r += row[k]! * z[k]!;
      const x = exposures[i]! * (means[i]! + r * mix);
      pnl += x;
      if (kept) kept[i] = x;
    }
    out[s] = pnl;
    if (kept) positions.set(s, kept);
  }
  return { pnl: out, positions };
}

/** Monte Carlo P&L scenarios: correlated normal (Cholesky) or Student-t, seeded. */
export function monteCarloPnl(
  exposures: Float64Array,
  returns: Float64Array[],
  scenarios: number,
  seed: number,
  distribution: 'normal' | 'student-t' = 'normal',
  dof = 5,
): Float64Array {
  return simulate(exposures, returns, { scenarios, seed, distribution, dof }).pnl;
}

/** Replays the same seeded simulation and returns each position's P&L in the given scenarios. */
export function monteCarloPositionPnl(
  exposures: Float64Array,
  returns: Float64Array[],
  spec: MonteCarloSpec,
  scenarioIndices: number[],
): Float64Array[] {
  const { positions } = simulate(exposures, returns, spec, new Set(scenarioIndices));
  return scenarioIndices.map((s) => positions.get(s)!);
}
