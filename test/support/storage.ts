import { TableClient } from '@azure/data-tables';
import { BlobServiceClient, type ContainerClient } from '@azure/storage-blob';
import { QueueServiceClient } from '@azure/storage-queue';
import { auditHeadKey } from '../../shared/audit/index';
import { verifyAudit } from '../../shared/audit/verify';
import { readAuditConfig } from '../../shared/config/audit';

/** The Azurite that `npm test` starts for the run (scripts/test.js). */
export function testStorage(): string {
  const connection = process.env.ENCLAVE_TEST_STORAGE;
  if (!connection)
    throw new Error('ENCLAVE_TEST_STORAGE is not set: run the suites through `npm test`, which starts Azurite');
  return connection;
}

export const blobService = () => BlobServiceClient.fromConnectionString(testStorage());
export const queueService = () => QueueServiceClient.fromConnectionString(testStorage());

/** Polls `probe` until it returns a value other than undefined/false, or fails after `timeoutMs` with `what`. */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined | false>,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function readJsonBlobs<T>(
  container: ContainerClient,
  prefix: string,
): Promise<{ name: string; value: T }[]> {
  const found: { name: string; value: T }[] = [];
  if (!(await container.exists())) return found;
  for await (const blob of container.listBlobsFlat({ prefix })) {
    const text = (await container.getBlockBlobClient(blob.name).downloadToBuffer()).toString('utf8');
    found.push({ name: blob.name, value: JSON.parse(text) as T });
  }
  return found;
}

/** Verifies today's audit chains in an Azurite (the test run's by default). */
export async function verifyTodaysAudit(connectionString = testStorage()) {
  const today = new Date().toISOString().slice(0, 10);
  return verifyAudit(
    BlobServiceClient.fromConnectionString(connectionString).getContainerClient('audit'),
    TableClient.fromConnectionString(connectionString, 'auditheads', { allowInsecureConnection: true }),
    today,
    today,
    auditHeadKey(readAuditConfig({})),
  );
}
