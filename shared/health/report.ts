import type { BreakerStatus } from '../model/breaker-status';

export interface HealthReport {
  status: 'ok' | 'degraded';
  version: string;
  environment: string;
  functionsLoaded: number | null;
  storage: { reachable: boolean; latencyMs: number | null; error?: string };
  /** Each model endpoint's circuit (names, regions, states and figures only: no prompts, keys or URLs). */
  models?: BreakerStatus[];
  checkedAt: string;
}

/** Builds the health report from a storage probe; degraded (503) when storage cannot be reached. */
export async function healthReport(input: {
  version: string;
  environment: string;
  functionsLoaded: number | null;
  probeStorage: () => Promise<void>;
  models?: () => Promise<BreakerStatus[]>;
  now?: () => number;
}): Promise<HealthReport> {
  const now = input.now ?? Date.now;
  const started = now();
  let storage: HealthReport['storage'];
  try {
    await input.probeStorage();
    storage = { reachable: true, latencyMs: now() - started };
  } catch (error) {
    storage = { reachable: false, latencyMs: null, error: (error as Error).message.split('\n')[0] };
  }
  const models = storage.reachable && input.models ? await input.models().catch(() => undefined) : undefined;
  return {
    status: storage.reachable ? 'ok' : 'degraded',
    version: input.version,
    environment: input.environment,
    functionsLoaded: input.functionsLoaded,
    storage,
    ...(models ? { models } : {}),
    checkedAt: new Date(now()).toISOString(),
  };
}
