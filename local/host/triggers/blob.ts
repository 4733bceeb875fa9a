import type { BlobServiceClient, ContainerClient } from '@azure/storage-blob';
import type { QueueClient } from '@azure/storage-queue';
import type { FunctionApp } from '../function-app';
import type { RegisteredFunction } from '../runtime/core-api';
import { jsonData } from '../runtime/typed-data';
import { containerOf, matchBlobPath } from './blob-path';
import { sleep, type TriggerListener } from './listener';

const RECEIPTS = 'azure-webjobs-hosts';
const POISON_QUEUE = 'webjobs-blobtrigger-poison';

const unquote = (etag: string) => etag.replace(/^"|"$/g, '');

/**
 * A blob trigger as the Functions host runs it: each blob version (ETag) runs once, remembered by a receipt blob in
 * `azure-webjobs-hosts` so restarts do not run it again; after `maxDequeueCount` failures a JSON message naming the
 * blob goes to `webjobs-blobtrigger-poison` and the version is not retried. Scans every `scanMs` (locally instant
 * enough; in production the scan can lag minutes).
 */
export class BlobListener implements TriggerListener {
  readonly description: string;
  readonly #container: ContainerClient;
  readonly #receipts: ContainerClient;
  readonly #done = new Set<string>();
  readonly #failures = new Map<string, number>();
  #abort = new AbortController();
  #loop: Promise<void> | undefined;

  constructor(
    private readonly app: FunctionApp,
    private readonly fn: RegisteredFunction,
    readonly blobs: BlobServiceClient,
    private readonly poison: QueueClient,
    private readonly maxDequeueCount: number,
    private readonly hostId: string,
    private readonly scanMs = 250,
  ) {
    const pattern = String(fn.trigger.path);
    this.#container = blobs.getContainerClient(containerOf(pattern));
    this.#receipts = blobs.getContainerClient(RECEIPTS);
    this.description = `blob ${pattern}`;
  }

  #receiptPrefix(): string {
    return `blobreceipts/${this.hostId}/${this.fn.name}/${this.#container.containerName}/`;
  }

  async start(): Promise<void> {
    await this.#container.createIfNotExists();
    await this.#receipts.createIfNotExists();
    await this.poison.createIfNotExists();
    for await (const receipt of this.#receipts.listBlobsFlat({ prefix: this.#receiptPrefix() })) {
      this.#done.add(receipt.name.slice(this.#receiptPrefix().length));
    }
    this.#loop = this.#scan();
  }

  async stop(): Promise<void> {
    this.#abort.abort();
    await this.#loop;
  }

  async #scan(): Promise<void> {
    while (!this.#abort.signal.aborted) {
      try {
        for await (const blob of this.#container.listBlobsFlat({ includeMetadata: true })) {
          if (this.#abort.signal.aborted) break;
          const key = `${encodeURIComponent(blob.name)}/${unquote(blob.properties.etag ?? '')}`;
          if (this.#done.has(key)) continue;
          const captures = matchBlobPath(String(this.fn.trigger.path), `${this.#container.containerName}/${blob.name}`);
          if (!captures) continue;
          await this.#process(blob.name, key, captures);
        }
      } catch (error) {
        this.app.log('warn', `${this.description}: scan failed: ${(error as Error).message}`);
      }
      await sleep(this.scanMs, this.#abort.signal);
    }
  }

  async #process(name: string, key: string, captures: Record<string, string>): Promise<void> {
    const client = this.#container.getBlockBlobClient(name);
    let content: Buffer;
    let properties: Awaited<ReturnType<typeof client.getProperties>>;
    try {
      properties = await client.getProperties();
      content = await client.downloadToBuffer();
    } catch (error) {
      // Listed but unreadable (e.g. a name with dot segments that URLs resolve away): poison after the retry limit.
      await this.#failed(name, key, '', new Error(`blob cannot be read: ${(error as Error).message.split('\n')[0]}`));
      return;
    }
    const etag = unquote(properties.etag ?? '');
    const metadata: Record<string, unknown> = {
      BlobTrigger: { string: `${this.#container.containerName}/${name}` },
      Uri: jsonData(client.url),
      Properties: jsonData({
        ContentType: properties.contentType,
        ContentLength: properties.contentLength,
        ETag: properties.etag,
        LastModified: properties.lastModified?.toISOString(),
        CreatedOn: properties.createdOn?.toISOString(),
        BlobType: properties.blobType,
      }),
      Metadata: jsonData(properties.metadata ?? {}),
    };
    for (const [token, value] of Object.entries(captures)) metadata[token] = { string: value };
    try {
      await this.app.invoke(this.fn.name, { bytes: content }, metadata);
      await this.#receipt(key);
    } catch (error) {
      await this.#failed(name, key, etag, error as Error);
    }
  }

  async #failed(name: string, key: string, etag: string, error: Error): Promise<void> {
    const failures = (this.#failures.get(key) ?? 0) + 1;
    this.#failures.set(key, failures);
    this.app.log(
      'warn',
      `${this.fn.name} failed on blob ${name} (attempt ${failures} of ${this.maxDequeueCount}): ${error.message}`,
    );
    if (failures < this.maxDequeueCount) return;
    const message = {
      FunctionId: `Host.Functions.${this.fn.name}`,
      BlobType: 'BlockBlob',
      ContainerName: this.#container.containerName,
      BlobName: name,
      ETag: etag,
      Reason: error.message,
    };
    await this.poison.sendMessage(Buffer.from(JSON.stringify(message)).toString('base64'));
    this.app.log('warn', `blob ${name} moved to ${POISON_QUEUE} after ${failures} failures`);
    await this.#receipt(key);
    this.#failures.delete(key);
  }

  async #receipt(key: string): Promise<void> {
    await this.#receipts.getBlockBlobClient(`${this.#receiptPrefix()}${key}`).upload('', 0);
    this.#done.add(key);
  }
}

export { POISON_QUEUE as BLOB_POISON_QUEUE };
