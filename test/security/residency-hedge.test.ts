import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import type { LoggedRequest, RunningModelServer } from '../../local/model/server';
import type { ModelCallRecord } from '../../shared/audit/records';
import { chat, gatewayFor, localModelServer, zoneOf } from '../support/model';

let server: RunningModelServer;
before(async () => {
  server = await localModelServer();
});
after(async () => server.stop());
beforeEach(() => {
  server.clearFaults();
  server.clearRequests();
});

/** Every region's own request log, read over HTTP as an operator would (`GET /admin/requests`). */
async function requestLogs(): Promise<LoggedRequest[]> {
  const logs = await Promise.all(
    server.endpoints.map(async (e) => (await (await fetch(`${e.url}/admin/requests`)).json()) as LoggedRequest[]),
  );
  return logs.flat();
}

const phi = 'Patient [NAME-1], MRN [MRN-1]: 9 mm spiculated nodule, left lower lobe.';
const radiology = () =>
  chat(phi, {
    pipeline: 'radiology',
    dataClassification: 'phi',
    safetyContext: { clinical: true },
    residency: undefined,
  });

test('a hedged PHI prompt stays inside data-zone:europe: the hedge goes to the other EU region, never to the faster US or Japan', async () => {
  const { gateway, audit } = gatewayFor(server, {
    latencySloMs: 100,
    random: () => 0,
    env: { RADIOLOGY_RESIDENCY: 'data-zone:europe' },
  });
  server.setFault('westeurope', { hang: true });
  for (let i = 0; i < 3; i++) {
    const r = await gateway.call(radiology());
    assert.equal(r.region, 'uksouth');
  }
  const hedged = (audit.records as ModelCallRecord[]).filter((r) => r.attempts.some((a) => a.hedge));
  assert.ok(hedged.length >= 1, 'the hanging EU primary was hedged');
  const logs = await requestLogs();
  const withPrompt = logs.filter((r) => r.messages.some((m) => m.content === phi));
  assert.ok(withPrompt.length >= 4, `the prompt reached ${withPrompt.length} attempts`);
  assert.deepEqual(
    [...new Set(withPrompt.map((r) => zoneOf(r.endpoint.replace(/-ptu$/, ''))))],
    ['europe'],
    `regions that saw the prompt: ${withPrompt.map((r) => r.endpoint).join(', ')}`,
  );
});

test('single-region PHI with its only region hanging is not hedged anywhere: it waits and fails inside the policy', async () => {
  const { gateway } = gatewayFor(server, { latencySloMs: 100, attemptTimeoutMs: 500 });
  server.setFault('westeurope', { hang: true });
  await assert.rejects(gateway.call(radiology()));
  const logs = await requestLogs();
  assert.deepEqual(
    logs.map((r) => r.endpoint),
    ['westeurope'],
  );
});
