import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { deskRisk } from '../../shared/var/desks';
import { computeFactsSheet } from '../../shared/var/facts';
import { parametricVaR } from '../../shared/var/measures';
import { ref, referenceLake } from './reference';

test('desk component and marginal VaR (parametric 99%) match numpy, marginal by finite difference', async () => {
  const facts = computeFactsSheet(await referenceLake(), ref.date);
  for (const d of facts.byDesk) {
    assert.equal(d.componentVar99, Math.round(ref.desk_component_99[d.desk] * 100) / 100, `${d.desk} component`);
    assert.ok(
      Math.abs(d.marginalVar99 - ref.desk_marginal_99[d.desk]) < 1e-8,
      `${d.desk} marginal ${d.marginalVar99} vs numpy ${ref.desk_marginal_99[d.desk]}`,
    );
  }
  assert.deepEqual(
    facts.byDesk.map((d) => d.desk),
    ['equities', 'rates'],
  );
});

const returnsFor = (seed: number, n: number) =>
  Array.from({ length: n }, (_, k) =>
    Float64Array.from(
      { length: 80 },
      (_, t) => Math.sin(seed + t * (k + 1.3)) * 0.01 + Math.cos(t * 0.7 + k * seed) * 0.004,
    ),
  );

test('properties: desk components sum to the total and are Σ marginalᵢ·wᵢ; desk marginal is ∂VaR along the desk', () => {
  fc.assert(
    fc.property(
      fc.array(fc.double({ min: -1e5, max: 1e5, noNaN: true }), { minLength: 2, maxLength: 6 }),
      fc.array(fc.constantFrom('rates', 'credit', 'equities'), { minLength: 6, maxLength: 6 }),
      fc.integer({ min: 1, max: 1000 }),
      (weights, deskOf, seed) => {
        const w = Float64Array.from(weights);
        const desks = weights.map((_, i) => deskOf[i]!);
        const returns = returnsFor(seed, w.length);
        const p = parametricVaR(w, returns, 0.99);
        if (p.sigma < 1e-6) return;
        const risk = deskRisk(desks, w, p.marginal);
        const tol = 1e-7 * Math.max(1, p.var);
        assert.ok(Math.abs(risk.reduce((s, d) => s + d.componentVar, 0) - p.var) < tol, 'Euler: sum = total');
        for (const d of risk) {
          const members = desks.flatMap((x, i) => (x === d.desk ? [i] : []));
          const euler = members.reduce((s, i) => s + p.marginal[i]! * w[i]!, 0);
          assert.ok(Math.abs(d.componentVar - euler) < tol, `${d.desk}: component = Σ marginal·w`);
          if (d.grossExposure < 1) continue;
          const bumped = (h: number) =>
            parametricVaR(
              Float64Array.from(w, (x, i) => (desks[i] === d.desk ? x + (h * x) / d.grossExposure : x)),
              returns,
              0.99,
            ).var;
          const h = 1e-2 * d.grossExposure;
          const slope = (bumped(h) - bumped(-h)) / (2 * h);
          assert.ok(Math.abs(slope - d.marginalVar) < 1e-4 * Math.max(1, Math.abs(d.marginalVar)), 'finite difference');
        }
      },
    ),
    { numRuns: 150 },
  );
});
