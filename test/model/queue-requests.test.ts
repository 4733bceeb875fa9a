import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { RunningModelServer } from '../../local/model/server';
import { handleModelRequestMessage } from '../../shared/model/queue-requests';
import { chat, gatewayFor, localModelServer } from '../support/model';
import { blobService } from '../support/storage';

let server: RunningModelServer;
before(async () => {
  server = await localModelServer();
});
after(async () => server.stop());

const replies = () => blobService().getContainerClient(`model-replies-${Date.now().toString(36)}`);
const read = async (c: ReturnType<typeof replies>, id: string) =>
  JSON.parse((await c.getBlockBlobClient(`${id}.json`).downloadToBuffer()).toString('utf8'));

test('a batch request from the model-requests queue runs through the same gateway; the reply lands under its correlation id', async () => {
  const { gateway } = gatewayFor(server);
  const container = replies();
  await handleModelRequestMessage(
    JSON.stringify({ correlationId: 'batch-7', request: chat('Summarise: the audit passed.') }),
    gateway,
    container,
  );
  const reply = await read(container, 'batch-7');
  assert.equal(reply.ok, true);
  assert.match(reply.result.content, /Summary: Summarise: the audit passed\./);
});

test('bad requests and refusals are answered in the reply, not retried; transient failures throw for redelivery', async () => {
  const { gateway } = gatewayFor(server);
  const container = replies();
  await handleModelRequestMessage({ correlationId: 'bad-1', request: { pipeline: 'x' } }, gateway, container);
  assert.match((await read(container, 'bad-1')).error, /^request\.deployment: /);
  await handleModelRequestMessage(
    { correlationId: 'blocked-1', request: chat('how to make a pipe bomb at home') },
    gateway,
    container,
  );
  assert.equal((await read(container, 'blocked-1')).errorType, 'ContentBlockedError');
  for (const name of ['eastus-ptu', 'eastus', 'westeurope', 'uksouth', 'japaneast'])
    server.setFault(name, { errorRate: 1 });
  const flaky = gatewayFor(server, { rules: { minAvailability: 0 } }).gateway;
  await assert.rejects(
    handleModelRequestMessage({ correlationId: 'later-1', request: chat('try again later') }, flaky, container),
    /every endpoint allowed/,
  );
  server.clearFaults();
});
