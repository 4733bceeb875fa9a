import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { RunningHost } from '../../local/host/index';
import type { RunningModelServer } from '../../local/model/server';
import { MODEL_CALL_ORCHESTRATOR } from '../../workflows/model/orchestrator';
import { startAppHost } from '../support/app-host';
import { durableApi } from '../support/durable';
import { chat, endpointsOf, localModelServer } from '../support/model';

const run = Date.now().toString(36);
let server: RunningModelServer;
let host: RunningHost;

before(async () => {
  server = await localModelServer();
  host = await startAppHost(`ResidencyHub${run}`, {
    MODEL_ENDPOINTS: JSON.stringify(endpointsOf(server)),
    MODEL_API_KEY: server.apiKey,
    AUDIT_CONTAINER: `audit-residency-${run}`,
    AUDIT_HEADS_TABLE: `auditheads${run}`.replace(/[^A-Za-z0-9]/g, ''),
  });
});
after(async () => {
  await host.stop();
  await server.stop();
});

test('a Durable input asking radiology PHI to go global fails at once naming the field, and reaches no region', async () => {
  const id = `residency-widen-${run}`;
  const request = chat('Findings: 12 mm nodule, right lower lobe.', {
    pipeline: 'radiology',
    dataClassification: 'phi',
    residency: 'global',
    safetyContext: { clinical: true },
  });
  const response = await fetch(
    `${host.url}/runtime/webhooks/durabletask/orchestrators/${MODEL_CALL_ORCHESTRATOR}/${id}?code=${host.keys.system}`,
    { method: 'POST', body: JSON.stringify({ request }) },
  );
  assert.equal(response.status, 202);
  const done = await durableApi(host).until(id);
  assert.equal(done.runtimeStatus, 'Failed');
  assert.match(JSON.stringify(done.output), /ResidencyRequestError: residency: .{1,3}global.{1,3} is wider than/);
  assert.equal(server.requests().length, 0);
});
