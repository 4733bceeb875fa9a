import path from 'node:path';
import { testClock } from '../../local/host/clock';
import { type HostOptions, type RunningHost, startHost } from '../../local/host/index';
import { testStorage } from '../support/storage';

export const durableAppDir = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'durable-app');

/** The durable fixture app on a quiet host with a task hub of its own (suites share one Azurite). */
export function startFixtureHost(hubName: string, options: Partial<HostOptions> = {}): Promise<RunningHost> {
  return startHost({
    appDir: durableAppDir,
    port: 0,
    storageConnectionString: testStorage(),
    hubName,
    clock: testClock(Date.parse('2026-11-30T12:00:00Z')),
    log: () => {},
    ...options,
  });
}
