import { app, type InvocationContext, type Timer } from '@azure/functions';
import * as df from 'durable-functions';
import { createAuditSink } from '../shared/audit/index';
import { loadConfig } from '../shared/config';
import { type ModelCallOutcome, modelCallOutcome } from '../shared/model/call-failure';
import { createGateway } from '../shared/model/factory';
import { handleModelRequestMessage } from '../shared/model/queue-requests';
import type { ModelCallRequest } from '../shared/model/request';
import { blobServiceClient } from '../shared/storage/clients';
import { CALL_MODEL, MODEL_CALL_ORCHESTRATOR, modelCallOrchestrator } from '../workflows/model/orchestrator';

const gateway = async () => {
  const config = loadConfig();
  return { config, gateway: createGateway(config, await createAuditSink(config)) };
};

df.app.activity(CALL_MODEL, {
  handler: async (request: ModelCallRequest): Promise<ModelCallOutcome> => {
    // A bad setting fails the call as non-retryable, like any gateway refusal.
    return modelCallOutcome(async () => (await gateway()).gateway.call(request));
  },
});

app.timer('probeModelEndpoints', {
  schedule: '*/10 * * * * *',
  handler: async (_timer: Timer, context: InvocationContext) => {
    const { config, gateway: g } = await gateway();
    const results = await Promise.all(
      config.model.endpoints.map(async (e) => ({ endpoint: e.name, ...(await g.probe(e)) })),
    );
    const down = results.filter((r) => !r.ok);
    if (down.length > 0) context.warn(`model endpoints failing probes: ${down.map((d) => d.endpoint).join(', ')}`);
  },
});

app.serviceBusQueue('modelRequests', {
  queueName: 'model-requests',
  connection: 'ServiceBusConnection',
  handler: async (message: unknown) => {
    const { config, gateway: g } = await gateway();
    await handleModelRequestMessage(message, g, blobServiceClient(config.storage).getContainerClient('model-replies'));
  },
});

df.app.orchestration(MODEL_CALL_ORCHESTRATOR, modelCallOrchestrator);
