import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BlobServiceClient } from '@azure/storage-blob';
import { freePort } from '../../local/azurite/ports';
import { type RunningAzurite, startAzurite } from '../../local/azurite/start';
import type { RunningModelServer } from '../../local/model/server';
import { repoRoot } from '../support/app-host';
import { type HostProcess, spawnHost } from '../support/host-process';
import { endpointsOf, localModelServer } from '../support/model';

/** The npm start components on free ports, with the host as its own process so it can be killed. */
export interface ChaosStack {
  azurite: RunningAzurite;
  model: RunningModelServer;
  host: HostProcess;
  blobs: BlobServiceClient;
  port: number;
  /** Moves the host's test clock forward (durable timers due by then fire). */
  advanceClock(ms: number): Promise<void>;
  /** The host process's peak resident memory so far (VmHWM), in MB. */
  hostPeakMemoryMb(): number | undefined;
  restartHost(): Promise<void>;
  /** Stops Azurite gracefully (its data is kept), waits, and starts it again on the same ports. */
  restartAzurite(downMs: number): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The host runs on its test clock, kept level with wall-clock time by a ticker, so scenarios can jump past a durable
 * wait (a region's 5-minute poll) without waiting for it. Radiology runs under `data-zone:europe` here, so an
 * EU-only pipeline has two regions to lose; attempts time out after 2 s and breakers half-open after 3 s to keep the
 * outage scenarios short.
 */
export async function startChaosStack(): Promise<ChaosStack> {
  const dir = mkdtempSync(path.join(tmpdir(), 'enclave-chaos-'));
  const azurite = await startAzurite({ location: path.join(dir, 'azurite') });
  const model = await localModelServer();
  const port = await freePort();
  Object.assign(process.env, {
    MODEL_ENDPOINTS: JSON.stringify(endpointsOf(model)),
    MODEL_API_KEY: model.apiKey,
    ENCLAVE_KEYS_DIR: path.join(dir, 'keys'),
    ENCLAVE_ENV: 'local',
    ENCLAVE_TEST_CLOCK: '1',
    RADIOLOGY_RESIDENCY: 'data-zone:europe',
    MODEL_ATTEMPT_TIMEOUT_MS: '2000',
    MODEL_BREAKER_OPEN_MS: '3000',
    'AzureWebJobs.probeModelEndpoints.Disabled': 'true',
  });
  const clock = (body: object) =>
    fetch(`${stack.host.url}/admin/clock`, { method: 'POST', body: JSON.stringify(body) }).catch(() => undefined);
  const stack: ChaosStack = {
    azurite,
    model,
    port,
    host: await spawnHost(repoRoot, azurite.connectionString, port),
    blobs: BlobServiceClient.fromConnectionString(azurite.connectionString),
    async advanceClock(ms) {
      await clock({ advanceMs: ms });
    },
    hostPeakMemoryMb() {
      try {
        const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${stack.host.child.pid}/status`, 'utf8'))?.[1];
        return kb ? Math.round(Number(kb) / 1024) : undefined;
      } catch {
        return undefined;
      }
    },
    async restartHost() {
      await stack.host.kill('SIGKILL');
      stack.host = await spawnHost(repoRoot, azurite.connectionString, port);
    },
    async restartAzurite(downMs) {
      await stack.azurite.stop();
      await new Promise((r) => setTimeout(r, downMs));
      stack.azurite = await startAzurite({
        location: path.join(dir, 'azurite'),
        blobPort: stack.azurite.ports.blob,
        queuePort: stack.azurite.ports.queue,
        tablePort: stack.azurite.ports.table,
      });
    },
    async stop() {
      clearInterval(ticker);
      await stack.host.kill('SIGTERM');
      await model.stop();
      await stack.azurite.stop();
    },
  };
  let lastTick = Date.now();
  const ticker = setInterval(() => {
    const now = Date.now();
    void clock({ advanceMs: now - lastTick });
    lastTick = now;
  }, 250);
  return stack;
}
