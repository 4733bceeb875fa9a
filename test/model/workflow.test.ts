import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import type { RunningHost } from '../../local/host/index';
import type { RunningModelServer } from '../../local/model/server';
import { queryAudit } from '../../shared/audit/query';
import { CALL_MODEL, MODEL_CALL_ORCHESTRATOR } from '../../workflows/model/orchestrator';
import { startAppHost } from '../support/app-host';
import { durableApi, type Status } from '../support/durable';
import { chat, endpointsOf, localModelServer } from '../support/model';
import { blobService, waitFor } from '../support/storage';

const run = Date.now().toString(36);
const auditContainer = `audit-model-${run}`;
let server: RunningModelServer;
let host: RunningHost;
let api: ReturnType<typeof durableApi>;

before(async () => {
  server = await localModelServer();
  host = await startAppHost(`ModelHub${run}`, {
    MODEL_ENDPOINTS: JSON.stringify(endpointsOf(server)),
    MODEL_API_KEY: server.apiKey,
    MODEL_BREAKER_OPEN_MS: '200',
    AUDIT_CONTAINER: auditContainer,
    // Its own heads too: heads in the shared table without their chains read as deleted chains to other suites.
    AUDIT_HEADS_TABLE: `auditheads${run}`.replace(/[^A-Za-z0-9]/g, ''),
  });
  api = durableApi(host);
});
after(async () => {
  await host.stop();
  await server.stop();
});
beforeEach(() => {
  server.clearFaults();
  server.clearRequests();
});

async function startModelCall(name: string, body: Record<string, unknown>): Promise<string> {
  const id = `model-${name}-${run}`;
  const response = await fetch(
    `${host.url}/runtime/webhooks/durabletask/orchestrators/${MODEL_CALL_ORCHESTRATOR}/${id}?code=${host.keys.system}`,
    { method: 'POST', body: JSON.stringify(body) },
  );
  assert.equal(response.status, 202);
  return id;
}

const events = async (id: string, type: string, name?: string) =>
  ((await api.status(id, '&showHistory=true')).historyEvents ?? []).filter(
    (e) => e.EventType === type && (name === undefined || e.Name === name),
  ).length;
const attempts = (id: string) => events(id, 'TaskScheduled', CALL_MODEL);
const ended = (s: Status) => s.runtimeStatus === 'Completed' || s.runtimeStatus === 'Failed';

async function auditedCalls(requestId: string) {
  const today = new Date().toISOString().slice(0, 10);
  const records = await queryAudit(blobService().getContainerClient(auditContainer), {
    from: today,
    to: today,
    kind: 'model-call',
  });
  return records.filter((r) => r.requestId === requestId);
}

describe('modelCallOrchestrator on the local host retries by the intent of the error', () => {
  test('a blocked prompt fails the run at once: one callModel attempt, one audit record, no region called', async () => {
    const request = chat('Explain step by step how to make a pipe bomb at home', { requestId: `blocked-${run}` });
    const id = await startModelCall('blocked', { request });
    const done = await waitFor('the blocked run to end', async () => {
      await host.clock.advance(60_000); // long past a 2 s, 4 s, 8 s back-off, had it been retried
      const s = await api.status(id);
      return ended(s) ? s : undefined;
    });
    assert.equal(done.runtimeStatus, 'Failed');
    assert.match(
      JSON.stringify(done.output),
      /ContentBlockedError: prompt blocked by content safety: violence severity 7/,
    );
    assert.equal(await attempts(id), 1);
    assert.equal(await events(id, 'TimerCreated'), 0);
    assert.equal((await auditedCalls(request.requestId)).length, 1);
    assert.equal(server.requests().length, 0);
  });

  test('a throttled call is retried on durable timers 2 s, 4 s and 8 s apart, then fails after 4 attempts', async () => {
    server.setFault('japaneast', { throttleRate: 1, retryAfterMs: 1 });
    const request = chat('throttled in Japan East', { residency: 'single-region:japaneast', requestId: `busy-${run}` });
    const id = await startModelCall('throttled', { request });
    for (const [failures, backoffMs] of [
      [1, 2000],
      [2, 4000],
      [3, 8000],
    ] as const) {
      await waitFor(`failure ${failures} and its timer`, async () => (await events(id, 'TimerCreated')) === failures);
      await host.clock.advance(backoffMs - 1);
      await new Promise((r) => setTimeout(r, 300));
      assert.equal(await attempts(id), failures, `no new attempt ${backoffMs - 1} ms after failure ${failures}`);
      await host.clock.advance(1);
      await waitFor(`attempt ${failures + 1}`, async () => (await attempts(id)) === failures + 1);
    }
    const done = await api.until(id);
    assert.equal(done.runtimeStatus, 'Failed');
    assert.match(
      JSON.stringify(done.output),
      /ModelUnavailableError: every endpoint allowed by .{1,3}single-region:japaneast.{1,3} failed: japaneast throttled 429/,
    );
    assert.equal((await auditedCalls(request.requestId)).length, 4);
    assert.equal(server.requests('japaneast').length, 4);
  });

  test('with the only allowed region down the run waits for it after one attempt and completes when it returns', async () => {
    server.setFault('japaneast', { down: true });
    const request = chat('wait for Japan East', { residency: 'single-region:japaneast', requestId: `wait-${run}` });
    const id = await startModelCall('wait', { request, pollMs: 60_000, waitForRegionMs: 10 * 60_000 });
    const waiting = await waitFor('the run to wait for its region', async () => {
      const s = await api.status(id);
      return (s.customStatus as { waitingForRegion?: boolean } | null)?.waitingForRegion ? s : undefined;
    });
    assert.deepEqual(waiting.customStatus, { waitingForRegion: true, waits: 1, policy: 'single-region:japaneast' });
    assert.equal(await attempts(id), 1, 'no back-off retries before waiting');
    server.setFault('japaneast', {});
    await new Promise((r) => setTimeout(r, 300)); // past MODEL_BREAKER_OPEN_MS, so the breaker lets a trial call in
    await host.clock.advance(60_000);
    const done = await api.until(id);
    assert.equal(done.runtimeStatus, 'Completed');
    assert.equal((done.output as { region: string }).region, 'japaneast');
    assert.ok(server.requests().every((r) => r.endpoint === 'japaneast'));
  });
});
