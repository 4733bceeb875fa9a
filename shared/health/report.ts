export interface HealthReport {
  status: 'ok' | 'degraded';
  version: string;
  environment: string;
  functionsLoaded: number | null;
  storage: { reachable: boolean; latencyMs: number | null; error?: string };
  checkedAt: string;
}

/** Builds the health report from a storage probe; degraded (503) when storage cannot be reached. */
export async function healthReport(input: {
  version: string;
  environment: string;
  functionsLoaded: number | null;
  probeStorage: () => Promise<void>;
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
  return {
    status: storage.reachable ? 'ok' : 'degraded',
    version: input.version,
    environment: input.environment,
    functionsLoaded: input.functionsLoaded,
    storage,
    checkedAt: new Date(now()).toISOString(),
  };
}
