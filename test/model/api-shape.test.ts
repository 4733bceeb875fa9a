import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { APIError } from 'openai';
import type { RunningModelServer } from '../../local/model/server';
import { readModelConfig } from '../../shared/config/model';
import { openAiClient } from '../../shared/model/client';
import { chat, endpointsOf, gatewayFor, localModelServer } from '../support/model';

let server: RunningModelServer;
before(async () => {
  server = await localModelServer();
});
after(() => server.stop());

for (const shape of ['deployments', 'v1'] as const) {
  test(`the real openai client reaches the local model server in the ${shape} shape`, async () => {
    server.clearRequests();
    const endpoint = endpointsOf(server).find((e) => e.name === 'westeurope')!;
    const client = openAiClient(endpoint, { apiKey: server.apiKey }, 5_000, shape);
    const { data, response } = await client.chat.completions
      .create({ model: 'chat', messages: [{ role: 'user', content: 'hello' }] })
      .withResponse();
    assert.equal(response.headers.get('x-ms-region'), 'West Europe');
    assert.ok((data.choices[0]?.message.content ?? '').length > 0);
    const [logged] = server.requests('westeurope');
    assert.equal(logged?.api, shape);
    assert.equal(logged?.deployment, 'chat');
  });
}

test('the gateway routes, fails over and audits the same through v1 endpoints', async () => {
  server.clearRequests();
  const endpoints = endpointsOf(server).map((e) => ({ ...e, apiShape: 'v1' as const }));
  const { gateway, audit } = gatewayFor(server, { endpoints });
  server.setFault('eastus-ptu', { down: true });
  try {
    const result = await gateway.call(chat('summarise the note', { residency: 'data-zone:americas' }));
    assert.equal(result.region, 'eastus');
    assert.ok(server.requests().every((r) => r.api === 'v1'));
    assert.equal(audit.records.at(-1)?.kind, 'model-call');
  } finally {
    server.clearFaults();
  }
});

test('v1 takes no dated api-version and a wrong key is refused', async () => {
  const endpoint = endpointsOf(server).find((e) => e.name === 'eastus')!;
  const dated = await fetch(`${endpoint.url}/openai/v1/chat/completions?api-version=2024-10-21`, {
    method: 'POST',
    headers: { 'api-key': server.apiKey, 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'chat', messages: [] }),
  });
  assert.equal(dated.status, 404);
  const wrongKey = openAiClient(endpoint, { apiKey: 'not-the-key' }, 5_000, 'v1');
  await assert.rejects(
    wrongKey.chat.completions.create({ model: 'chat', messages: [{ role: 'user', content: 'x' }] }),
    (e) => e instanceof APIError && e.status === 401,
  );
});

test('MODEL_API_SHAPE picks the shape for every endpoint and names itself when wrong', () => {
  assert.equal(readModelConfig({}, 'local').apiShape, 'deployments');
  assert.equal(readModelConfig({ MODEL_API_SHAPE: 'v1' }, 'local').apiShape, 'v1');
  assert.throws(() => readModelConfig({ MODEL_API_SHAPE: 'v2' }, 'local'), /deployments or v1/);
});
