import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { dayOverDay } from '../../shared/var/change';
import { quantileScenarios, scenarioComponents } from '../../shared/var/components';
import { computeFactsSheet, type FactsSheet } from '../../shared/var/facts';
import type { MarketData } from '../../shared/var/lake';
import { changeTable } from '../../shared/var/report-tables';
import { buildScenarios } from '../../shared/var/scenarios';
import { close, ref, referenceLake } from './reference';

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

test('historical component VaR under linear, lower and higher quantiles matches numpy and sums to the VaR', async () => {
  const s = buildScenarios(await referenceLake(), ref.date);
  for (const method of ['linear', 'lower', 'higher'] as const) {
    const at = quantileScenarios(s.pnl, 0.01, method);
    const parts = scenarioComponents(
      at,
      at.map((q) => s.positionPnl.map((p) => p[q.index]!)),
    );
    parts.forEach((c, i) => close(c, ref.hist_component_99[method][i], `${method} component ${i}`));
    close(sum(parts), ref[`hist_${method}_99`], `${method} total`);
  }
});

/** The lake as it stood on the previous day in it: the same positions, the prices up to then. */
const dayBefore = (lake: MarketData) => [...new Set(lake.prices.map((p) => p.date))].sort().at(-2)!;
const asOf = (lake: MarketData, date: string): MarketData => ({
  ...lake,
  prices: lake.prices.filter((p) => p.date <= date),
  fx: lake.fx.filter((f) => f.date <= date),
});
const previousOf = (facts: FactsSheet) => ({
  date: facts.date,
  method: facts.var.method,
  var99: facts.var.var99,
  contributions: Object.fromEntries(facts.byInstrument.map((x) => [x.ticker, x.contributionVar99])),
});

for (const method of ['historical', 'parametric', 'montecarlo'] as const) {
  test(`day-over-day (${method}): contributors and residual add up to the change in the headline VaR`, async () => {
    const lake = await referenceLake();
    const yesterday = computeFactsSheet(asOf(lake, dayBefore(lake)), dayBefore(lake), { method });
    const today = computeFactsSheet(lake, ref.date, { method, previous: previousOf(yesterday) });
    assert.ok(
      Math.abs(sum(today.byInstrument.map((x) => x.contributionVar99)) - today.var.var99) < 0.01 * today.positions,
      'contributions sum to the headline VaR',
    );
    const change = today.change!;
    assert.equal(change.method, method);
    assert.equal(change.deltaVar99, Math.round((today.var.var99 - yesterday.var.var99) * 100) / 100);
    assert.equal(
      Math.round((sum(change.topContributors.map((t) => t.delta)) + change.residual) * 100) / 100,
      change.deltaVar99,
    );
    const table = changeTable(today)!;
    assert.deepEqual(table.rows.at(-1)!.slice(0, 1), ['All other instruments (residual)']);
    assert.equal(table.rows.length, 2 + change.topContributors.length);
  });
}

test('a previous day computed with another method is not compared', async () => {
  const lake = await referenceLake();
  const yesterday = computeFactsSheet(asOf(lake, dayBefore(lake)), dayBefore(lake), { method: 'parametric' });
  assert.equal(computeFactsSheet(lake, ref.date, { previous: previousOf(yesterday) }).change, null);
});

test('property: top contributors plus the residual always equal the total change', () => {
  const amounts = fc.dictionary(
    fc.constantFrom('A', 'B', 'C', 'D', 'E', 'F'),
    fc.integer({ min: -1e7, max: 1e7 }).map((c) => c / 100),
  );
  fc.assert(
    fc.property(amounts, amounts, fc.integer({ min: 0, max: 1e7 }), (before, after, v) => {
      const previous = { date: 'd0', method: 'historical', var99: sum(Object.values(before)), contributions: before };
      const change = dayOverDay(previous, Math.round(sum(Object.values(after)) * 100) / 100 + v / 100, after);
      const explained = sum(change.topContributors.map((t) => t.delta)) + change.residual;
      assert.ok(Math.abs(explained - change.deltaVar99) < 1e-6);
      assert.ok(change.topContributors.length <= 3);
    }),
    { numRuns: 300 },
  );
});
