import { type RunningModelServer, startModelServer } from '../../local/model/server';
import { MemoryAuditSink } from '../../shared/audit/memory-sink';
import { loadConfig } from '../../shared/config';
import { openAiClient } from '../../shared/model/client';
import { LOCAL_ENDPOINT_NAMES, localEndpoints, type ModelEndpoint } from '../../shared/model/endpoints';
import { ModelGateway } from '../../shared/model/gateway';
import { DEFAULT_HEALTH_RULES, type HealthRules } from '../../shared/model/health';
import { HealthRegistry } from '../../shared/model/health-registry';
import { type HealthStore, MemoryHealthStore } from '../../shared/model/health-store';
import { DEFAULT_HEDGE_BUDGET, HedgeBudget, type HedgeBudgetRules } from '../../shared/model/hedge-budget';
import { REGIONS } from '../../shared/model/regions';
import { localAnalyser } from '../../shared/model/safety/analyser';

export async function localModelServer(): Promise<RunningModelServer> {
  return startModelServer({
    regions: LOCAL_ENDPOINT_NAMES.map((name) => ({ name, region: name.replace(/-ptu$/, '') })),
  });
}

export function endpointsOf(server: RunningModelServer): ModelEndpoint[] {
  return localEndpoints(Object.fromEntries(server.endpoints.map((e) => [e.name, e.url])));
}

export interface GatewayFixture {
  gateway: ModelGateway;
  audit: MemoryAuditSink;
  health: HealthRegistry;
}

/** A gateway over the local model server with the real openai client; options shorten timeouts for tests. */
export function gatewayFor(
  server: RunningModelServer,
  options: {
    attemptTimeoutMs?: number;
    rules?: Partial<HealthRules>;
    store?: HealthStore;
    endpoints?: ModelEndpoint[];
    random?: () => number;
    latencySloMs?: number;
    hedgeBudget?: Partial<HedgeBudgetRules>;
    /** Settings the residency bindings come from (the defaults otherwise). */
    env?: Record<string, string>;
  } = {},
): GatewayFixture {
  const audit = new MemoryAuditSink();
  const health = new HealthRegistry(options.store ?? new MemoryHealthStore(), {
    ...DEFAULT_HEALTH_RULES,
    ...options.rules,
  });
  const gateway = new ModelGateway({
    endpoints: options.endpoints ?? endpointsOf(server),
    health,
    safety: localAnalyser,
    audit,
    client: (endpoint) => openAiClient(endpoint, { apiKey: server.apiKey }, options.attemptTimeoutMs ?? 10_000),
    random: options.random,
    residency: loadConfig({ MODEL_API_KEY: server.apiKey, ...options.env }).model.pipelines,
    latencySloMs: options.latencySloMs,
    hedgeBudget: new HedgeBudget({ ...DEFAULT_HEDGE_BUDGET, ...options.hedgeBudget }),
  });
  return { gateway, audit, health };
}

export const zoneOf = (region: string) => REGIONS[region]?.zone;

export function chat(content: string, overrides: Record<string, unknown> = {}) {
  return {
    pipeline: 'default',
    deployment: 'chat',
    messages: [{ role: 'user' as const, content }],
    dataClassification: 'internal' as const,
    residency: 'global',
    userId: 'tester@enclave.local',
    ipAddress: '127.0.0.1',
    requestId: `req-${Math.random().toString(36).slice(2)}`,
    ...overrides,
  };
}
