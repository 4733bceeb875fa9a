import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import type { RunningModelServer } from '../../local/model/server';
import type { ModelCallRecord } from '../../shared/audit/records';
import { validateAuditRecord } from '../../shared/audit/schema';
import { billAttempt } from '../../shared/model/call-record';
import { callCost } from '../../shared/model/cost';
import { HedgeBudget } from '../../shared/model/hedge-budget';
import { modelCallRequestSchema } from '../../shared/model/request';
import { chat, endpointsOf, gatewayFor, localModelServer } from '../support/model';

let server: RunningModelServer;
before(async () => {
  server = await localModelServer();
});
after(async () => server.stop());
beforeEach(() => {
  server.clearFaults();
  server.clearRequests();
});

const payg = () => endpointsOf(server).filter((e) => e.kind === 'payg');
const lastRecord = (records: unknown[]) => records.at(-1) as ModelCallRecord;
const settle = () => new Promise((r) => setTimeout(r, 50));

describe('hedged model calls over the local model server', () => {
  test('a primary that has not answered within the latency SLO is hedged; the hedge answers, the primary is cancelled and billed its prompt', async () => {
    const { gateway, audit } = gatewayFor(server, {
      endpoints: payg(),
      random: () => 0,
      latencySloMs: 150,
      attemptTimeoutMs: 10_000,
    });
    server.setFault('eastus', { hang: true });
    const r = await gateway.call(chat('hedge this note'));
    assert.deepEqual([r.endpoint, r.hedged, r.attempts], ['westeurope', true, 2]);
    assert.ok(r.latencyMs < 10_000, `answered in ${r.latencyMs} ms, not after the attempt timeout`);
    const record = lastRecord(audit.records);
    assert.deepEqual(
      record.attempts.map((a) => [a.endpoint, a.outcome, a.hedge ?? false]),
      [
        ['westeurope', 'ok', true],
        ['eastus', 'aborted', false],
      ],
    );
    const loser = record.attempts[1]!;
    assert.equal(loser.billedTokens, r.tokens.prompt, 'the cancelled primary is billed the prompt it had read');
    assert.equal(loser.costUsd, callCost('gpt-4o', 'eastus', loser.billedTokens!, 0, 'payg').costUsd);
    assert.equal(record.hedgeCostUsd, loser.costUsd);
    const winnerCost = callCost('gpt-4o', 'westeurope', r.tokens.prompt, r.tokens.completion, 'payg').costUsd;
    assert.equal(record.costUsd, Math.round((winnerCost + loser.costUsd!) * 1e6) / 1e6);
    assert.equal(record.tokensUsed.total, r.tokens.total + loser.billedTokens!);
    assert.doesNotThrow(() => validateAuditRecord(record));
    await settle();
    assert.deepEqual(
      server.requests('eastus').map((q) => q.status),
      [499],
      'the model server saw the client go away: the loser was cancelled, its tokens stopped',
    );
  });

  test('when the slow primary answers before its hedge, the hedge is the one cancelled', async () => {
    const { gateway, audit } = gatewayFor(server, { endpoints: payg(), random: () => 0, latencySloMs: 100 });
    server.setFault('eastus', { latencyMs: 400 });
    server.setFault('westeurope', { latencyMs: 3_000 });
    const r = await gateway.call(chat('slow but first'));
    assert.deepEqual([r.endpoint, r.hedged], ['eastus', true]);
    const record = lastRecord(audit.records);
    assert.deepEqual(
      record.attempts.map((a) => [a.endpoint, a.outcome, a.hedge ?? false]),
      [
        ['eastus', 'ok', false],
        ['westeurope', 'aborted', true],
      ],
    );
    assert.ok((record.hedgeCostUsd ?? 0) > 0);
    await settle();
    assert.deepEqual(
      server.requests('westeurope').map((q) => q.status),
      [499],
    );
  });

  test('with the hedge budget spent a slow primary is waited for, as without hedging', async () => {
    const { gateway, audit } = gatewayFor(server, {
      endpoints: payg(),
      random: () => 0,
      latencySloMs: 100,
      attemptTimeoutMs: 600,
      hedgeBudget: { percent: 0, minPerWindow: 0 },
    });
    server.setFault('eastus', { hang: true });
    const r = await gateway.call(chat('no budget left'));
    assert.deepEqual([r.endpoint, r.hedged], ['westeurope', false]);
    assert.deepEqual(
      lastRecord(audit.records).attempts.map((a) => [a.endpoint, a.outcome]),
      [
        ['eastus', 'timeout'],
        ['westeurope', 'ok'],
      ],
    );
    assert.equal(lastRecord(audit.records).hedgeCostUsd, undefined);
  });

  test('the breaker still trips on a hanging primary: after a few hedged calls traffic goes straight to the secondary', async () => {
    const { gateway, health } = gatewayFor(server, {
      endpoints: payg(),
      random: () => 0,
      latencySloMs: 100,
      rules: { openMs: 60_000, maxP95Ms: 100 },
    });
    server.setFault('eastus', { hang: true });
    const hedged: boolean[] = [];
    for (let i = 0; i < 8; i++) hedged.push((await gateway.call(chat(`trip ${i}`))).hedged);
    assert.equal(health.get('eastus').breaker, 'open');
    assert.deepEqual(hedged.slice(-3), [false, false, false], `hedged: ${hedged.join(', ')}`);
    assert.ok(server.requests('eastus').length <= 4, `${server.requests('eastus').length} calls reached eastus`);
  });

  test('PTU first still holds: a slow PTU deployment is hedged on pay-as-you-go', async () => {
    const { gateway, audit } = gatewayFor(server, { random: () => 0, latencySloMs: 100 });
    server.setFault('eastus-ptu', { hang: true });
    const r = await gateway.call(chat('provisioned is slow'));
    assert.equal(r.endpoint, 'eastus');
    const record = lastRecord(audit.records);
    assert.deepEqual(
      record.attempts.map((a) => [a.endpoint, a.outcome]),
      [
        ['eastus', 'ok'],
        ['eastus-ptu', 'aborted'],
      ],
    );
    assert.equal(record.hedgeCostUsd, 0, 'a cancelled PTU attempt costs nothing per token');
    assert.equal(record.billing, 'payg');
  });
});

test('the hedge budget allows 5% of the calls over a sliding minute, with a floor', () => {
  let now = 0;
  const budget = new HedgeBudget({ percent: 5, minPerWindow: 2, windowMs: 60_000 }, () => now);
  budget.call();
  assert.deepEqual([budget.take(), budget.take(), budget.take()], [true, true, false], 'the floor: 2');
  for (let i = 0; i < 99; i++) budget.call();
  assert.deepEqual(
    Array.from({ length: 4 }, () => budget.take()),
    [true, true, true, false],
    '100 calls allow 5 hedges',
  );
  now = 61_000;
  assert.deepEqual(budget.usage(), { calls: 0, hedges: 0 });
  assert.equal(budget.take(), true, 'the window slid: the floor applies again');
});

test('a cut-off attempt no other attempt reported usage for is billed its prompt as GPT-4o counts it', async () => {
  const endpoint = { ...endpointsOf(server)[1]!, kind: 'payg' as const };
  const request = modelCallRequestSchema.parse(
    chat('Count me: twelve words of prompt for the tokenizer to bill here.'),
  );
  const bill = await billAttempt({ endpoint, hedge: false, latencyMs: 600, result: { kind: 'aborted' } }, request);
  // o200k: the message's tokens plus the chat framing; the local model server counts the same way within a few.
  assert.ok(bill.tokens.prompt > 12 && bill.tokens.prompt < 30, `${bill.tokens.prompt} tokens`);
  assert.deepEqual([bill.tokens.completion, bill.billing], [0, 'payg']);
  assert.ok(bill.costUsd > 0);
});
