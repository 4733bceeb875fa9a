import assert from 'node:assert/strict';
import { test } from 'node:test';
import { quantileScenarios } from '../../shared/var/components';
import { historicalVaR } from '../../shared/var/measures';
import { type QuantileMethod, quantile } from '../../shared/var/stats';

test('the scenarios behind a VaR are the ones its quantile uses, also where (n−1)·q lands next to a whole number', () => {
  // 501 scenarios: (n−1)·(1−0.99) is 5.000000000000004, not 5 — "higher" takes rank 6, and so must the components.
  const pnl = Float64Array.from({ length: 501 }, (_, i) => Math.sin(i * 7.3) * 1000 + i);
  for (const method of ['linear', 'lower', 'higher'] as QuantileMethod[]) {
    const scenarios = quantileScenarios(pnl, 1 - 0.99, method);
    const fromScenarios = -scenarios.reduce((sum, s) => sum + s.weight * pnl[s.index]!, 0);
    assert.ok(Math.abs(fromScenarios - historicalVaR(pnl, 0.99, method)) < 1e-9, method);
    assert.ok(Math.abs(-fromScenarios - quantile(pnl, 1 - 0.99, method)) < 1e-9, method);
  }
});
