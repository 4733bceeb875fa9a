import { mkdtempSync } from 'node:fs';
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
  restartHost(): Promise<void>;
  /** Stops Azurite gracefully (its data is kept), waits, and starts it again on the same ports. */
  restartAzurite(downMs: number): Promise<void>;
  stop(): Promise<void>;
}

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
    'AzureWebJobs.probeModelEndpoints.Disabled': 'true',
  });
  const stack: ChaosStack = {
    azurite,
    model,
    port,
    host: await spawnHost(repoRoot, azurite.connectionString, port),
    blobs: BlobServiceClient.fromConnectionString(azurite.connectionString),
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
      await stack.host.kill('SIGTERM');
      await model.stop();
      await stack.azurite.stop();
    },
  };
  return stack;
}
