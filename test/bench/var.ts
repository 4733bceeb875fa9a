import { spawnSync } from 'node:child_process';
import { historicalVaR, monteCarloPnl } from '../../shared/var/measures';
import { seededNormals } from '../../shared/var/stats';

/** Synthetic returns for n instruments over `days` days (correlated through one market factor). */
function returns(n: number, days: number): Float64Array[] {
  const z = seededNormals(11);
  const market = Float64Array.from({ length: days }, () => z());
  return Array.from({ length: n }, (_, i) =>
    Float64Array.from({ length: days }, (_, t) => 0.01 * (0.6 * market[t]! + 0.8 * z()) * (1 + (i % 5) / 5)),
  );
}

const PY = `
import sys, time, json
import numpy as np
n, scen = int(sys.argv[1]), int(sys.argv[2])
rng = np.random.default_rng(11)
r = rng.standard_normal((500, n)) * 0.01
w = np.linspace(1e5, 2e5, n)
t = time.perf_counter()
cov = np.cov(r, rowvar=False)
L = np.linalg.cholesky(cov)
z = rng.standard_normal((scen, n))
pnl = (z @ L.T + r.mean(axis=0)) @ w
var = -np.quantile(pnl, 0.01)
mc = time.perf_counter() - t
hist = rng.standard_normal((scen, n)) * 0.01 @ w
t = time.perf_counter()
hv = -np.quantile(hist, 0.01)
hs = time.perf_counter() - t
print(json.dumps({"mcSeconds": mc, "histSeconds": hs}))
`;

function numpy(n: number, scenarios: number): { mcSeconds: number; histSeconds: number } | undefined {
  const result = spawnSync('python3', ['-c', PY, String(n), String(scenarios)], { encoding: 'utf8' });
  if (result.status !== 0) return undefined;
  return JSON.parse(result.stdout) as { mcSeconds: number; histSeconds: number };
}

/** Historical and Monte Carlo VaR at 100k × 50 and 1M × 10, beside numpy in a child process when available. */
export async function run(): Promise<void> {
  for (const [scenarios, n] of [
    [100_000, 50],
    [1_000_000, 10],
  ] as const) {
    const r = returns(n, 500);
    const w = Float64Array.from({ length: n }, (_, i) => 1e5 + (1e5 * i) / n);
    let t = performance.now();
    const mc = monteCarloPnl(w, r, scenarios, 7);
    historicalVaR(mc, 0.99);
    const mcSeconds = (performance.now() - t) / 1000;
    const z = seededNormals(3);
    const hist = Float64Array.from({ length: scenarios }, () => {
      let s = 0;
      for (let i = 0; i < n; i++) s += w[i]! * z() * 0.01;
      return s;
    });
    t = performance.now();
    historicalVaR(hist, 0.99);
    const histSeconds = (performance.now() - t) / 1000;
    const py = numpy(n, scenarios);
    console.log(
      JSON.stringify({
        bench: 'var',
        scenarios,
        instruments: n,
        monteCarloSeconds: Number(mcSeconds.toFixed(3)),
        historicalQuantileSeconds: Number(histSeconds.toFixed(3)),
        numpy: py
          ? {
              monteCarloSeconds: Number(py.mcSeconds.toFixed(3)),
              historicalQuantileSeconds: Number(py.histSeconds.toFixed(3)),
              historicalRatio: Number((histSeconds / py.histSeconds).toFixed(2)),
              monteCarloRatio: Number((mcSeconds / py.mcSeconds).toFixed(2)),
            }
          : 'python3 with numpy not available',
      }),
    );
  }
}
