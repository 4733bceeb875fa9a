import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { freePort, waitForPort } from './ports';

export interface AzuriteOptions {
  /** Folder Azurite persists to (disk mode: never in-memory, see DESIGN.md). */
  location: string;
  blobPort?: number;
  queuePort?: number;
  tablePort?: number;
  /** Where Azurite's own output goes; default: discarded. */
  stdio?: 'inherit' | 'ignore';
}

export interface RunningAzurite {
  connectionString: string;
  ports: { blob: number; queue: number; table: number };
  process: ChildProcess;
  /** Graceful stop (SIGTERM) so Azurite saves its state; a hard kill would lose its last seconds. */
  stop(): Promise<void>;
}

const ACCOUNT = 'devstoreaccount1';
const KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export function azuriteConnectionString(ports: { blob: number; queue: number; table: number }): string {
  return [
    'DefaultEndpointsProtocol=http',
    `AccountName=${ACCOUNT}`,
    `AccountKey=${KEY}`,
    `BlobEndpoint=http://127.0.0.1:${ports.blob}/${ACCOUNT}`,
    `QueueEndpoint=http://127.0.0.1:${ports.queue}/${ACCOUNT}`,
    `TableEndpoint=http://127.0.0.1:${ports.table}/${ACCOUNT}`,
  ].join(';');
}

/** Azurite is a devDependency: a production install (`--omit=dev`) has none, and says what to run. */
function azuriteEntry(): string {
  try {
    return require.resolve('azurite/dist/src/azurite.js');
  } catch {
    throw new Error(
      'azurite is not installed: it is a devDependency for the local stack and tests; run `npm install` (not --omit=dev)',
    );
  }
}

export async function startAzurite(options: AzuriteOptions): Promise<RunningAzurite> {
  mkdirSync(options.location, { recursive: true });
  const ports = {
    blob: options.blobPort ?? (await freePort()),
    queue: options.queuePort ?? (await freePort()),
    table: options.tablePort ?? (await freePort()),
  };
  const child = spawn(
    process.execPath,
    [
      azuriteEntry(),
      '--location',
      options.location,
      '--blobPort',
      String(ports.blob),
      '--queuePort',
      String(ports.queue),
      '--tablePort',
      String(ports.table),
      '--skipApiVersionCheck',
      '--disableTelemetry',
      '--loose',
      '--silent',
    ],
    { stdio: ['ignore', options.stdio ?? 'ignore', options.stdio ?? 'ignore'] },
  );
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  try {
    await Promise.race([
      Promise.all([
        waitForPort(ports.blob, 30_000),
        waitForPort(ports.queue, 30_000),
        waitForPort(ports.table, 30_000),
      ]),
      exited.then((code) => {
        throw new Error(`Azurite exited with code ${code} before it was ready (ports ${JSON.stringify(ports)})`);
      }),
    ]);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return {
    connectionString: azuriteConnectionString(ports),
    ports,
    process: child,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
