import assert from 'node:assert/strict';
import { test } from 'node:test';
import { callCost, ptuComparison } from '../../shared/model/cost';
import { summariseSpend } from '../../shared/model/spend';

test('GPT-4o pay-as-you-go cost follows the price table and regional multipliers; PTU calls cost nothing per token', () => {
  assert.deepEqual(callCost('gpt-4o', 'eastus', 1000, 1000, 'payg'), { costUsd: 0.02, paygEquivalentUsd: 0.02 });
  assert.deepEqual(callCost('gpt-4o', 'uksouth', 1000, 1000, 'payg'), { costUsd: 0.024, paygEquivalentUsd: 0.024 });
  assert.deepEqual(callCost('gpt-4o', 'japaneast', 2000, 0, 'payg'), { costUsd: 0.013, paygEquivalentUsd: 0.013 });
  assert.deepEqual(callCost('o1', 'eastus', 1000, 1000, 'ptu'), { costUsd: 0, paygEquivalentUsd: 0.075 });
});

test('spend groups by pipeline, region and deployment and prices the same usage on PTU with a break-even point', () => {
  const record = (pipeline: string, region: string, usd: number, tokens: number) => ({
    kind: 'model-call',
    outcome: 'ok',
    pipeline,
    region,
    deployment: `${pipeline}-d`,
    costUsd: usd,
    paygEquivalentUsd: usd,
    tokensUsed: { total: tokens },
  });
  const spend = summariseSpend(
    [
      record('var', 'eastus', 2, 100_000),
      record('var', 'eastus', 1, 50_000),
      record('foia', 'uksouth', 3, 120_000),
      { kind: 'review' },
    ],
    720,
  );
  assert.equal(spend.totalUsd, 6);
  assert.deepEqual(
    spend.byPipeline.map((l) => [l.key, l.calls, l.usd]),
    [
      ['var', 2, 3],
      ['foia', 1, 3],
    ],
  );
  assert.deepEqual(
    spend.byRegion.map((l) => l.key),
    ['eastus', 'uksouth'],
  );
  assert.equal(spend.ptu.ptus, 1);
  assert.equal(spend.ptu.ptuUsd, 720);
  const ptu = ptuComparison({ paygUsd: 10, tokens: 1_000_000, hours: 1, model: 'gpt-4o', ptus: 10 });
  // 10 PTU for an hour = $10 and 1.5M tokens of capacity; at $0.00001/token pay-as-you-go that is break-even at 66.7%.
  assert.ok(Math.abs(ptu.breakEvenUtilisation - 10 / 15) < 1e-9);
});

test('spend by deployment follows the deployment that answered, so a native PTU spillover lands on the standard one', () => {
  const call = (servedDeployment: string | undefined, usd: number) => ({
    kind: 'model-call',
    outcome: 'ok',
    pipeline: 'var',
    region: 'eastus',
    deployment: 'var-narrative-ptu',
    servedDeployment,
    costUsd: usd,
    tokensUsed: { total: 1000 },
  });
  const spend = summariseSpend([call(undefined, 0), call('var-narrative-ptu', 0), call('var-narrative', 0.02)], 1);
  assert.deepEqual(
    spend.byDeployment.map((l) => [l.key, l.calls, l.usd]),
    [
      ['var-narrative', 1, 0.02],
      ['var-narrative-ptu', 2, 0],
    ],
  );
});

test('the ledger shows hedging spend per pipeline per day: the losers of hedge races, from the audit records', () => {
  const call = (timestamp: string, pipeline: string, hedgeCostUsd: number | undefined, hedge = true) => ({
    kind: 'model-call',
    outcome: 'ok',
    timestamp,
    pipeline,
    region: 'westeurope',
    deployment: 'chat',
    costUsd: 0.01 + (hedgeCostUsd ?? 0),
    tokensUsed: { total: 100 },
    attempts: [{ hedge }, { hedge: false }],
    hedgeCostUsd,
  });
  const spend = summariseSpend(
    [
      call('2026-12-04T10:00:00.000Z', 'radiology', 0.002),
      call('2026-12-04T11:00:00.000Z', 'radiology', 0.003),
      call('2026-12-04T11:00:00.000Z', 'var', 0.001),
      call('2026-12-05T09:00:00.000Z', 'radiology', 0.004),
      call('2026-12-05T09:00:00.000Z', 'radiology', undefined, false),
    ],
    48,
  );
  assert.deepEqual(
    spend.hedging.map((h) => [h.day, h.pipeline, h.calls, h.hedges, h.usd]),
    [
      ['2026-12-04', 'radiology', 2, 2, 0.005],
      ['2026-12-04', 'var', 1, 1, 0.001],
      ['2026-12-05', 'radiology', 1, 1, 0.004],
    ],
  );
  assert.equal(Math.round(spend.totalUsd * 1e6) / 1e6, 0.06, 'hedging spend is inside the totals, not added twice');
});
