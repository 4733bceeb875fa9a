import { DefaultAzureCredential } from '@azure/identity';
import type { OpenAI } from 'openai';
import type { AuditSink } from '../audit/records';
import type { Config } from '../config';
import type { ModelConfig } from '../config/model';
import { ConfigError } from '../errors';
import { tableClient } from '../storage/clients';
import { openAiClient } from './client';
import type { ModelEndpoint } from './endpoints';
import { ModelGateway } from './gateway';
import { DEFAULT_HEALTH_RULES } from './health';
import { HealthRegistry } from './health-registry';
import { TableHealthStore } from './health-store';
import { HedgeBudget } from './hedge-budget';
import { azureContentSafety, localAnalyser } from './safety/analyser';

let shared: ModelGateway | undefined;

/** The client for each endpoint as configured: key or Entra ID, and the per-attempt timeout. */
export function endpointClient(model: ModelConfig): (endpoint: ModelEndpoint) => OpenAI {
  return (endpoint) =>
    openAiClient(endpoint, { apiKey: model.apiKey }, model.attemptTimeoutMs, endpoint.apiShape ?? model.apiShape);
}

/** The process's gateway: health shared through the `modelhealth` table, safety by Azure or the local analyser. */
export function createGateway(config: Config, audit: AuditSink): ModelGateway {
  if (shared) return shared;
  if (config.model.endpoints.length === 0) {
    throw new ConfigError(
      'is empty: `npm start` sets it for the local model server; on Azure infra sets it',
      'MODEL_ENDPOINTS',
    );
  }
  const safety =
    config.environment === 'azure' && config.model.contentSafetyEndpoint
      ? azureContentSafety(config.model.contentSafetyEndpoint, new DefaultAzureCredential())
      : localAnalyser;
  shared = new ModelGateway({
    endpoints: config.model.endpoints,
    health: new HealthRegistry(new TableHealthStore(tableClient(config.storage, 'modelhealth')), {
      ...DEFAULT_HEALTH_RULES,
      openMs: config.model.breakerOpenMs,
      // One latency SLO: past it an attempt is hedged, and a p95 past it takes the endpoint out of rotation.
      maxP95Ms: config.model.latencySloMs,
    }),
    safety,
    audit,
    client: endpointClient(config.model),
    residency: config.model.pipelines,
    latencySloMs: config.model.latencySloMs,
    hedgeBudget: new HedgeBudget(config.model.hedgeBudget),
  });
  return shared;
}
