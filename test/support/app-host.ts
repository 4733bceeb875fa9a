import path from 'node:path';
import { testClock } from '../../local/host/clock';
import { type RunningHost, startHost } from '../../local/host/index';
import { type Notification, readOutbox } from '../../shared/review/notifier';
import { tableClient } from '../../shared/storage/clients';
import { testStorage } from './storage';

export const repoRoot = path.join(__dirname, '..', '..', '..');

/** Triggers that act on shared storage or the clock: each suite enables only the ones it tests. */
const BACKGROUND_TRIGGERS = ['radiologyInbox', 'foiaInbox', 'varDaily', 'probeModelEndpoints', 'modelRequests'];

/**
 * The real app (dist/functions) on the local host, with its own task hub, host id and test clock. Suites share one
 * Azurite, so background triggers stay off (AzureWebJobs.<name>.Disabled) unless a suite names them in `enable`.
 */
export async function startAppHost(
  hub: string,
  settings: Record<string, string> = {},
  startMs = Date.parse('2026-11-30T12:00:00Z'),
  enable: string[] = [],
  /** Also receives every host and function log line (the suite can check what reached the logs). */
  onLog?: (level: string, message: string) => void,
): Promise<RunningHost> {
  const switches = Object.fromEntries(
    BACKGROUND_TRIGGERS.map((name) => [`AzureWebJobs.${name}.Disabled`, String(!enable.includes(name))]),
  );
  return startHost({
    hostId: hub.toLowerCase(),
    appDir: repoRoot,
    port: 0,
    storageConnectionString: testStorage(),
    clock: testClock(startMs),
    hubName: hub,
    settings: { ENCLAVE_ENV: 'local', ...switches, ...settings },
    log: (level, message) => {
      onLog?.(level, message);
      if (process.env.ENCLAVE_DEBUG_HOST && level !== 'debug') console.error(message);
    },
  });
}

export async function outbox(): Promise<Notification[]> {
  return readOutbox(tableClient({ connectionString: testStorage() }, 'reviewoutbox'));
}

/** fetch of one of the app's `/api/...` routes with the host's function key (or the master key for admin routes). */
export function callApp(
  host: RunningHost,
  route: string,
  init: RequestInit = {},
  key: 'function' | 'master' = 'function',
) {
  return fetch(`${host.url}/api/${route}`, {
    ...init,
    headers: { ...(init.headers as Record<string, string>), 'x-functions-key': host.keys[key] },
  });
}
