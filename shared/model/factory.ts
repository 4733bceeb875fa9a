import { DefaultAzureCredential } from '@azure/identity';
import type { OpenAI } from 'openai';
import type { AuditSink } from '../audit/records';
import type { Config } from '../config';
import type { ModelConfig } from '../config/model';
import { perConfig } from '../config/per-config';
import { ConfigError } from '../errors';
import { tableClient } from '../storage/clients';
import type { BreakerTransition } from './breaker-status';
import { openAiClient } from './client';
import type { ModelEndpoint } from './endpoints';
import { ModelGateway } from './gateway';
import { DEFAULT_HEALTH_RULES, type HealthRules } from './health';
import { HealthRegistry } from './health-registry';
import { MODEL_HEALTH_TABLE, TableHealthStore } from './health-store';
import { HedgeBudget } from './hedge-budget';
import { azureContentSafety, localAnalyser } from './safety/analyser';

/** The client for each endpoint as configured: key or Entra ID, and the per-attempt timeout. */
export function endpointClient(model: ModelConfig): (endpoint: ModelEndpoint) => OpenAI {
  return (endpoint) =>
    openAiClient(endpoint, { apiKey: model.apiKey }, model.attemptTimeoutMs, endpoint.apiShape ?? model.apiShape);
}

/** The breaker rules as configured. One latency SLO: past it an attempt is hedged, and a p95 past it opens the circuit. */
export function healthRules(model: ModelConfig): HealthRules {
  return { ...DEFAULT_HEALTH_RULES, openMs: model.breakerOpenMs, maxP95Ms: model.latencySloMs };
}

/** Each circuit this process opens or closes becomes one `gateway` audit record. */
export function auditTransitions(endpoints: ModelEndpoint[], audit: AuditSink) {
  return (t: BreakerTransition) =>
    void audit
      .append({
        kind: 'gateway',
        timestamp: new Date(t.at).toISOString(),
        event: t.event,
        endpoint: t.endpoint,
        region: endpoints.find((e) => e.name === t.endpoint)?.region ?? 'unknown',
        reason: t.reason,
        p95LatencyMs: t.p95LatencyMs,
        availability: t.availability,
      })
      .catch((error: Error) => console.error(`audit of ${t.event} on ${t.endpoint} failed: ${error.message}`));
}

type GatewayConfig = Pick<Config, 'environment' | 'model' | 'storage'>;

const gateways = new WeakMap<AuditSink, (config: GatewayConfig) => ModelGateway>();

/**
 * The process's gateway for this configuration and audit sink: health shared through the `modelhealth` table, safety
 * by Azure or the local analyser.
 */
export function createGateway(config: Config, audit: AuditSink): ModelGateway {
  let forAudit = gateways.get(audit);
  if (!forAudit) {
    forAudit = perConfig((section: GatewayConfig) => buildGateway(section, audit));
    gateways.set(audit, forAudit);
  }
  return forAudit({ environment: config.environment, model: config.model, storage: config.storage });
}

function buildGateway(config: GatewayConfig, audit: AuditSink): ModelGateway {
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
  return new ModelGateway({
    endpoints: config.model.endpoints,
    health: new HealthRegistry(
      new TableHealthStore(tableClient(config.storage, MODEL_HEALTH_TABLE)),
      healthRules(config.model),
      Date.now,
      undefined,
      auditTransitions(config.model.endpoints, audit),
    ),
    safety,
    audit,
    client: endpointClient(config.model),
    residency: config.model.pipelines,
    latencySloMs: config.model.latencySloMs,
    hedgeBudget: new HedgeBudget(config.model.hedgeBudget),
  });
}
