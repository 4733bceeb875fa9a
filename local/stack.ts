import { existsSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../shared/config';
import { ConfigError } from '../shared/errors';
import { portIsFree } from './azurite/ports';
import { type RunningAzurite, startAzurite } from './azurite/start';
import type { HostLog } from './host/function-app';
import { type RunningHost, startHost } from './host/index';
import { modelServerService } from './model/stack-service';
import type { StackService, StackStarter } from './stack-types';

export type { StackService, StackStarter } from './stack-types';

import { readLocalSettings } from './settings';

export interface StackOptions {
  appDir: string;
  port: number;
  azuritePorts: { blob: number; queue: number; table: number };
  dataDir: string;
  testClock?: boolean;
  log?: (line: string) => void;
  /** Where the host's own lines go (invocations, function logs, host detail); default: through `log`. */
  hostLog?: HostLog;
}

export interface RunningStack {
  host: RunningHost;
  azurite: RunningAzurite;
  services: StackService[];
  settings: Record<string, string>;
  stop(): Promise<void>;
}

export const extraServices: StackStarter[] = [modelServerService];

/** `npm start`: Azurite (disk mode) + extra services + the Functions host, in that order; stops in reverse. */
export async function startStack(options: StackOptions): Promise<RunningStack> {
  const log = options.log ?? console.log;
  const main = path.join(options.appDir, 'dist', 'functions');
  if (!existsSync(main))
    throw new Error(`no build found (${main}); run \`npm run build\` first (npm start does it for you)`);
  const ports = [options.port, options.azuritePorts.blob, options.azuritePorts.queue, options.azuritePorts.table];
  for (const port of ports) {
    if (!(await portIsFree(port))) {
      throw new Error(
        `port ${port} is already in use; stop what holds it (another \`npm start\`?) or choose other ports (--port, --azurite-ports)`,
      );
    }
  }
  const local = readLocalSettings(options.appDir);
  // A bad setting stops the start with its name before anything runs, instead of failing each function later.
  try {
    loadConfig({ ...process.env, ...local.values });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    throw new Error(`${error.message} (local.settings.json or the environment); fix it and start again`);
  }
  const azurite = await startAzurite({
    location: path.join(options.dataDir, 'azurite'),
    blobPort: options.azuritePorts.blob,
    queuePort: options.azuritePorts.queue,
    tablePort: options.azuritePorts.table,
  });
  log(
    `Azurite        blob :${azurite.ports.blob}  queue :${azurite.ports.queue}  table :${azurite.ports.table}  (${path.join(options.dataDir, 'azurite')})`,
  );
  const services: StackService[] = [];
  const settings: Record<string, string> = { ...local.values, AzureWebJobsStorage: azurite.connectionString };
  if (options.testClock) settings.ENCLAVE_TEST_CLOCK = '1';
  try {
    for (const starter of extraServices) {
      const started = await starter({ dataDir: options.dataDir, settings });
      services.push(started.service);
      Object.assign(settings, started.settings);
    }
    const host = await startHost({
      appDir: options.appDir,
      port: options.port,
      storageConnectionString: azurite.connectionString,
      settings,
      log:
        options.hostLog ??
        ((level, message) => log(`${level === 'error' ? 'ERROR ' : level === 'warn' ? 'WARN  ' : ''}${message}`)),
    });
    return {
      host,
      azurite,
      services,
      settings,
      async stop() {
        await host.stop();
        for (const service of services.reverse()) await service.stop();
        await azurite.stop();
      },
    };
  } catch (error) {
    for (const service of services.reverse()) await service.stop().catch(() => {});
    await azurite.stop();
    throw error;
  }
}
