import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { backtest, baselZone, kupiec } from '../../shared/var/backtest';
import { computeFactsSheet } from '../../shared/var/facts';
import { loadLake } from '../../shared/var/lake';
import { expectedShortfall, historicalVaR, parametricVaR } from '../../shared/var/measures';
import { buildScenarios } from '../../shared/var/scenarios';
import { chiSquareSurvival } from '../../shared/var/stats';
import { close, ref, referenceLake } from './reference';

test('scenario P&L (with EUR positions and FX moves) matches the numpy reference', async () => {
  const lake = await referenceLake();
  const s = buildScenarios(lake, ref.date);
  assert.equal(s.pnl.length, ref.pnlCount);
  close(s.pnl[0]!, ref.pnlFirst, 'first scenario');
  close(s.pnl.at(-1)!, ref.pnlLast, 'last scenario');
});

test('historical VaR under linear, lower and higher quantiles, ES 97.5%, parametric and component VaR match numpy', async () => {
  const lake = await referenceLake();
  const s = buildScenarios(lake, ref.date);
  for (const method of ['linear', 'lower', 'higher'] as const) {
    for (const c of [95, 99])
      close(historicalVaR(s.pnl, c / 100, method), ref[`hist_${method}_${c}`], `historical ${method} ${c}%`);
  }
  close(expectedShortfall(s.pnl, 0.975), ref.es975, 'ES 97.5%');
  const p = parametricVaR(s.exposures, s.returns, 0.99);
  close(p.var, ref.param_99, 'parametric 99%');
  p.component.forEach((c, i) => close(c, ref.component_99[i], `component ${i}`));
  close(parametricVaR(s.exposures, s.returns, 0.95).var, ref.param_95, 'parametric 95%');
});

test('Kupiec LR matches numpy; χ²(1) 95% critical value; Basel zones and plus factors', () => {
  close(kupiec(7, 250, 0.01), ref.kupiec_7_250, 'Kupiec 7/250');
  assert.ok(Math.abs(chiSquareSurvival(3.841, 1) - 0.05) < 1e-4);
  assert.ok(Math.abs(chiSquareSurvival(5.991, 2) - 0.05) < 1e-4);
  assert.deepEqual(
    [0, 4, 5, 9, 10].map((n) => baselZone(n)),
    [
      { zone: 'green', plusFactor: 0 },
      { zone: 'green', plusFactor: 0 },
      { zone: 'yellow', plusFactor: 0.4 },
      { zone: 'yellow', plusFactor: 0.85 },
      { zone: 'red', plusFactor: 1 },
    ],
  );
});

test('properties: VaR grows with confidence, ES ≥ VaR, components sum to the total, √10 scaling', () => {
  fc.assert(
    fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 50, maxLength: 400 }), (pnl) => {
      const data = Float64Array.from(pnl);
      assert.ok(historicalVaR(data, 0.99) >= historicalVaR(data, 0.95) - 1e-9);
      assert.ok(expectedShortfall(data, 0.975) >= historicalVaR(data, 0.975) - 1e-6);
    }),
    { numRuns: 200 },
  );
  fc.assert(
    fc.property(
      fc.array(fc.double({ min: -1e5, max: 1e5, noNaN: true }), { minLength: 3, maxLength: 3 }),
      fc.integer({ min: 1, max: 1000 }),
      (weights, seed) => {
        const returns = [0, 1, 2].map((k) =>
          Float64Array.from(
            { length: 60 },
            (_, t) => Math.sin(seed + t * (k + 1.3)) * 0.01 + Math.cos(t * 0.7 + k) * 0.004,
          ),
        );
        const p = parametricVaR(Float64Array.from(weights), returns, 0.99);
        if (p.sigma < 1e-9) return;
        assert.ok(Math.abs(p.component.reduce((a, b) => a + b, 0) - p.var) < 1e-6 * Math.max(1, p.var));
      },
    ),
    { numRuns: 200 },
  );
});

test('the facts sheet states every figure and its conventions; desks sum to the parametric total', async () => {
  const lake = await referenceLake();
  const facts = computeFactsSheet(lake, ref.date, {
    monteCarlo: { scenarios: 20_000, seed: 1, distribution: 'normal', dof: 5 },
  });
  assert.equal(facts.var.var99, Math.round(ref.hist_linear_99 * 100) / 100);
  assert.equal(facts.var.var99TenDay, Math.round(ref.hist_linear_99 * Math.sqrt(10) * 100) / 100);
  assert.ok(
    Math.abs(facts.byDesk.reduce((s, d) => s + d.componentVar99, 0) - facts.allMethods.parametric.var99) < 0.05,
  );
  assert.ok(
    Math.abs(facts.allMethods.monteCarlo.var99 - facts.allMethods.parametric.var99) /
      facts.allMethods.parametric.var99 <
      0.05,
    'Monte Carlo normal ≈ parametric',
  );
  assert.equal(facts.conventions.quantile, 'linear');
  assert.equal(facts.backtest.days, 69);
  const calm = Float64Array.from({ length: 500 }, (_, i) => (i === 420 ? -1000 : (i % 7) - 3));
  const result = backtest(
    calm,
    Array.from({ length: 500 }, (_, i) => `d${i}`),
  );
  assert.deepEqual([result.days, result.exceptions, result.exceptionDates, result.zone], [250, 1, ['d420'], 'green']);
});

test('bad rows are reported with file, line and column', async () => {
  const files = {
    read: async (p: string) =>
      p.endsWith('prices.csv')
        ? 'date,ticker,close\n2026-11-24,ALFA,abc\n'
        : p.endsWith('.csv')
          ? 'ticker,quantity,currency,desk\nALFA,1,USD,rates\n'
          : '{"firm":1,"desks":{}}',
  };
  await assert.rejects(
    loadLake(files, '2026-11-24'),
    /marketdata\/2026-11-24\/prices\.csv:2:3 \(close\): "abc" is not a number/,
  );
});
