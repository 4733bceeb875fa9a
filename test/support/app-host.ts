import path from 'node:path';
import { testClock } from '../../local/host/clock';
import { type RunningHost, startHost } from '../../local/host/index';
import { type Notification, readOutbox } from '../../shared/review/notifier';
import { tableClient } from '../../shared/storage/clients';
import { testStorage } from './storage';

export const repoRoot = path.join(__dirname, '..', '..', '..');

/** The real app (dist/functions) on the local host, with its own task hub and a test clock. */
export async function startAppHost(
  hub: string,
  settings: Record<string, string> = {},
  startMs = Date.parse('2026-11-30T12:00:00Z'),
): Promise<RunningHost> {
  return startHost({
    appDir: repoRoot,
    port: 0,
    storageConnectionString: testStorage(),
    clock: testClock(startMs),
    hubName: hub,
    settings: { ENCLAVE_ENV: 'local', ...settings },
    log: (level, message) => {
      if (process.env.ENCLAVE_DEBUG_HOST && level !== 'debug') console.error(message);
    },
  });
}

export async function outbox(): Promise<Notification[]> {
  return readOutbox(tableClient({ connectionString: testStorage() }, 'reviewoutbox'));
}
