export type QuantileMethod = 'linear' | 'lower' | 'higher';

/** numpy.quantile over a sorted copy: `linear` (numpy's default), `lower`, `higher`. */
export function quantile(values: ArrayLike<number>, q: number, method: QuantileMethod = 'linear'): number {
  const sorted = Float64Array.from(values).sort();
  return quantileRanks(sorted.length, q, method).reduce((sum, r) => sum + r.weight * sorted[r.rank]!, 0);
}

/**
 * The order statistics (0-based ranks) the q-quantile of n values is made of, with their weights under `method`
 * (numpy's conventions). The one place this is decided, so a VaR and its components use the same scenarios.
 */
export function quantileRanks(n: number, q: number, method: QuantileMethod): { rank: number; weight: number }[] {
  const pos = (n - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  if (method === 'lower' || lo === hi) return [{ rank: lo, weight: 1 }];
  if (method === 'higher') return [{ rank: hi, weight: 1 }];
  return [
    { rank: lo, weight: hi - pos },
    { rank: hi, weight: pos - lo },
  ];
}

export const mean = (xs: ArrayLike<number>) => {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i]!;
  return s / xs.length;
};

/** Sample covariance (n − 1), as numpy.cov. */
export function covariance(columns: Float64Array[]): number[][] {
  const n = columns[0]?.length ?? 0;
  const means = columns.map(mean);
  return columns.map((a, i) =>
    columns.map((b, j) => {
      let s = 0;
      for (let t = 0; t < n; t++) s += (a[t]! - means[i]!) * (b[t]! - means[j]!);
      return s / (n - 1);
    }),
  );
}

/** Inverse standard normal CDF (Acklam's rational approximation, |error| < 1.2e-9). */
export function normInv(p: number): number {
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239,
  ];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const low = 0.02425;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (
      (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) /
      ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1)
    );
  }
  if (p > 1 - low) return -normInv(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) /
    (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1)
  );
}

/** χ² survival function for 1 and 2 degrees of freedom (what Kupiec and Christoffersen need). */
export function chiSquareSurvival(x: number, dof: 1 | 2): number {
  if (x <= 0) return 1;
  if (dof === 2) return Math.exp(-x / 2);
  return erfc(Math.sqrt(x / 2));
}

function erfc(x: number): number {
  // Numerical Recipes erfcc, fractional error < 1.2e-7.
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}

/** Cholesky factor L (lower) of a symmetric positive-definite matrix. */
export function cholesky(m: number[][]): number[][] {
  const n = m.length;
  const l = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = m[i]![j]!;
      for (let k = 0; k < j; k++) s -= l[i]![k]! * l[j]![k]!;
      l[i]![j] = i === j ? Math.sqrt(Math.max(s, 1e-18)) : s / l[j]![j]!;
    }
  }
  return l;
}

/** Seeded uniform PRNG (mulberry32) and standard normals from it (Box–Muller). */
export function seededNormals(seed: number): () => number {
  let a = seed >>> 0;
  const uniform = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) + 0.5) / 4294967296;
  };
  let spare: number | undefined;
  return () => {
    if (spare !== undefined) {
      const s = spare;
      spare = undefined;
      return s;
    }
    const r = Math.sqrt(-2 * Math.log(uniform()));
    const theta = 2 * Math.PI * uniform();
    spare = r * Math.sin(theta);
    return r * Math.cos(theta);
  };
}

/** Rounds to cents: every money figure in the facts sheet is stated this way. */
export const roundCents = (x: number) => Math.round(x * 100) / 100;
