import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { RunningHost } from '../../local/host/index';
import type { RunningModelServer } from '../../local/model/server';
import { validateAuditRecord } from '../../shared/audit/schema';
import type { BreakerStatus } from '../../shared/model/breaker-status';
import { TableHealthStore } from '../../shared/model/health-store';
import { tableClient } from '../../shared/storage/clients';
import { startAppHost } from '../support/app-host';
import { enclaveAsync } from '../support/cli';
import { chat, endpointsOf, gatewayFor, localModelServer } from '../support/model';
import { testStorage, waitFor } from '../support/storage';

const tag = Date.now().toString(36);
let server: RunningModelServer;
let host: RunningHost;
let endpoints: ReturnType<typeof endpointsOf>;

// Endpoint names of this suite's own, so the circuits it trips in the shared `modelhealth` table touch no other suite.
before(async () => {
  server = await localModelServer();
  const base = endpointsOf(server);
  endpoints = [
    { ...base.find((e) => e.name === 'westeurope')!, name: `probe-${tag}` },
    { ...base.find((e) => e.name === 'uksouth')!, name: `spare-${tag}` },
  ];
  host = await startAppHost(`Breaker${tag}`, {
    MODEL_ENDPOINTS: JSON.stringify(endpoints),
    MODEL_API_KEY: server.apiKey,
  });
});
after(async () => {
  await host.stop();
  await server.stop();
});

const probeOnHealth = async () => {
  const response = await fetch(`${host.url}/api/health/models`, { headers: { 'x-functions-key': host.keys.master } });
  assert.equal(response.status, 200);
  const report = (await response.json()) as { models: BreakerStatus[] };
  return report.models.find((m) => m.endpoint === `probe-${tag}`)!;
};

test("the breakers are the operator's: anonymous and function-key callers get 401 on /api/health/models, and /api/health names no endpoint", async () => {
  for (const headers of [{}, { 'x-functions-key': host.keys.function }] as Record<string, string>[]) {
    const response = await fetch(`${host.url}/api/health/models`, { headers });
    assert.equal(response.status, 401, JSON.stringify(headers));
  }
  const health = await (await fetch(`${host.url}/api/health`)).text();
  assert.doesNotMatch(health, new RegExp(`probe-${tag}|westeurope|models`));
});

test('a tripped breaker shows on /api/health/models and `enclave model status` with its reason, and each transition is audited once', async () => {
  const store = new TableHealthStore(tableClient({ connectionString: testStorage() }, 'modelhealth'));
  const { gateway, audit, health } = gatewayFor(server, {
    endpoints,
    store,
    random: () => 0,
    latencySloMs: 300,
    attemptTimeoutMs: 2_000,
    rules: { openMs: 400, maxP95Ms: 300 },
    auditBreaker: true,
  });
  assert.equal((await probeOnHealth()).state, 'closed', 'never called: closed');

  server.setFault('westeurope', { latencyMs: 800 });
  for (let i = 0; i < 6 && health.get(`probe-${tag}`).breaker === 'closed'; i++) await gateway.call(chat(`slow ${i}`));
  assert.equal(health.get(`probe-${tag}`).breaker, 'open');
  const open = await waitFor('the open circuit on /api/health/models', async () => {
    const probe = await probeOnHealth();
    return probe.state === 'open' ? probe : undefined;
  });
  assert.match(String(open.reason), /^p95 latency \d+ ms over 300 ms$/);
  assert.ok(open.p95LatencyMs > 300 && open.since !== null, JSON.stringify(open));
  const cli = await enclaveAsync(['model', 'status', '--host', host.url]);
  assert.equal(cli.code, 0, cli.stderr);
  assert.match(
    cli.stdout,
    new RegExp(`probe-${tag}\\s+westeurope\\s+open\\s+p95 \\d+ ms.* since \\S+ — p95 latency \\d+ ms over 300 ms`),
  );
  assert.match(cli.stdout, new RegExp(`spare-${tag}\\s+uksouth\\s+closed`));

  server.clearFaults();
  await new Promise((r) => setTimeout(r, 450)); // past the open time: the next call is the half-open trial
  await gateway.call(chat('recovered'));
  assert.equal(health.get(`probe-${tag}`).breaker, 'closed');
  await waitFor(
    'the closed circuit on /api/health/models',
    async () => (await probeOnHealth()).state === 'closed' || undefined,
  );

  const transitions = audit.records.filter((r) => r.kind === 'gateway');
  assert.deepEqual(
    transitions.map((r) => [r.kind === 'gateway' && r.event, r.kind === 'gateway' && r.endpoint]),
    [
      ['breaker-opened', `probe-${tag}`],
      ['breaker-closed', `probe-${tag}`],
    ],
    'one record per transition, none for the half-open step',
  );
  for (const record of transitions) assert.doesNotThrow(() => validateAuditRecord(record));
});
