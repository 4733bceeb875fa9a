import { startModelServer } from '../local/model/server';
import { MemoryAuditSink } from '../shared/audit/memory-sink';
import type { AuditSink } from '../shared/audit/records';
import { loadConfig } from '../shared/config';
import { openAiClient } from '../shared/model/client';
import { LOCAL_ENDPOINT_NAMES, localEndpoints, type ModelEndpoint } from '../shared/model/endpoints';
import { ModelGateway } from '../shared/model/gateway';
import { HealthRegistry } from '../shared/model/health-registry';
import { MemoryHealthStore } from '../shared/model/health-store';
import { HedgeBudget } from '../shared/model/hedge-budget';
import { localAnalyser } from '../shared/model/safety/analyser';

/**
 * The gateway for batch CLI commands: the configured endpoints when MODEL_ENDPOINTS is set (e.g. a running
 * `npm start`), otherwise a local model server started for this command. Either way, real HTTP and the real client.
 */
export async function batchGateway(
  audit: AuditSink = new MemoryAuditSink(),
): Promise<{ gateway: ModelGateway; close(): Promise<void> }> {
  const config = loadConfig();
  let endpoints: ModelEndpoint[] = config.model.endpoints;
  let apiKey = config.model.apiKey;
  let close = async () => {};
  if (endpoints.length === 0) {
    const server = await startModelServer({
      regions: LOCAL_ENDPOINT_NAMES.map((name) => ({ name, region: name.replace(/-ptu$/, '') })),
    });
    endpoints = localEndpoints(Object.fromEntries(server.endpoints.map((e) => [e.name, e.url])));
    apiKey = server.apiKey;
    close = () => server.stop();
  }
  const gateway = new ModelGateway({
    endpoints,
    health: new HealthRegistry(new MemoryHealthStore()),
    safety: localAnalyser,
    audit,
    client: (endpoint) => openAiClient(endpoint, { apiKey }, config.model.attemptTimeoutMs),
    residency: config.model.pipelines,
    latencySloMs: config.model.latencySloMs,
    hedgeBudget: new HedgeBudget(config.model.hedgeBudget),
  });
  return { gateway, close };
}
