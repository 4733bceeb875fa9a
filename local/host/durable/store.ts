import { TableClient, type TableEntity, type TransactionAction } from '@azure/data-tables';
import { BlobServiceClient, type ContainerClient } from '@azure/storage-blob';
import { storageUnavailable, untilStorageAnswers } from './retry-storage';

/** Azure Table string properties hold 32K characters; larger payloads go to blobs, as the Azure Storage provider does. */
const INLINE_LIMIT = 30_000;
const BATCH_LIMIT = 100;

export interface Row {
  rowKey: string;
  data: unknown;
}

type Op = { kind: 'upsert'; rowKey: string; data: unknown } | { kind: 'delete'; rowKey: string };

interface Queued {
  op: Op;
  /** Ops of one write() share a group: a group that fits in a transaction is never split across two. */
  group: number;
  resolve(): void;
  reject(error: Error): void;
}

/** Up to 100 ops with distinct row keys, whole groups only (unless a single group is larger than a transaction). */
function takeBatch(queue: Queued[]): Queued[] {
  const batch: Queued[] = [];
  const keys = new Set<string>();
  while (queue.length > 0) {
    const group = queue[0]!.group;
    let size = 0;
    while (size < queue.length && queue[size]!.group === group) size++;
    const members = queue.slice(0, size);
    const clash = members.some((m) => keys.has(m.op.rowKey));
    if (batch.length > 0 && (batch.length + size > BATCH_LIMIT || clash)) break;
    if (size > BATCH_LIMIT) {
      // An episode larger than one transaction is split; its checkpoint (written last) decides what counts.
      batch.push(...queue.splice(0, BATCH_LIMIT));
      break;
    }
    for (const m of queue.splice(0, size)) {
      keys.add(m.op.rowKey);
      batch.push(m);
    }
  }
  return batch;
}

/**
 * Persistence shaped like the Durable Azure Storage provider: an Instances table (one row per instance) and a History
 * table with one partition per instance. Where the provider uses a control queue and a work-item queue, this engine
 * keeps pending events and work items as rows in the instance's own partition and dispatches in-process: every change
 * of an instance is then one entity-group transaction (atomic, ~1–7 ms on Azurite) instead of several queue hops
 * (~5 ms each), and the rows are the recovery log after a crash (DESIGN.md, "Azurite's speed").
 */
export class DurableStore {
  readonly instances: TableClient;
  readonly history: TableClient;
  readonly #payloads: ContainerClient;
  readonly #queues = new Map<string, Queued[]>();
  readonly #flushing = new Map<string, Promise<void>>();
  #groups = 0;

  constructor(connectionString: string, hub: string) {
    this.instances = TableClient.fromConnectionString(connectionString, `${hub}Instances`, {
      allowInsecureConnection: true,
    });
    this.history = TableClient.fromConnectionString(connectionString, `${hub}History`, {
      allowInsecureConnection: true,
    });
    this.#payloads = BlobServiceClient.fromConnectionString(connectionString).getContainerClient(
      `${hub.toLowerCase()}-largemessages`,
    );
  }

  async init(): Promise<void> {
    await Promise.all([this.instances.createTable(), this.history.createTable(), this.#payloads.createIfNotExists()]);
  }

  async #encode(partition: string, rowKey: string, data: unknown): Promise<Record<string, unknown>> {
    const text = JSON.stringify(data);
    if (text.length <= INLINE_LIMIT) return { data: text };
    const name = `${partition}/${rowKey}`;
    await this.#payloads.getBlockBlobClient(name).upload(text, Buffer.byteLength(text));
    return { dataBlob: name };
  }

  async #decode(entity: Record<string, unknown>): Promise<unknown> {
    if (typeof entity.dataBlob === 'string') {
      return JSON.parse((await this.#payloads.getBlockBlobClient(entity.dataBlob).downloadToBuffer()).toString('utf8'));
    }
    return JSON.parse(String(entity.data));
  }

  /** Applies ops to one instance partition; ops submitted close together share a transaction. */
  write(partition: string, ops: Op[]): Promise<void> {
    if (ops.length === 0) return Promise.resolve();
    const queue = this.#queues.get(partition) ?? [];
    this.#queues.set(partition, queue);
    const group = this.#groups++;
    const done = Promise.all(
      ops.map((op) => new Promise<void>((resolve, reject) => queue.push({ op, group, resolve, reject }))),
    ).then(() => {});
    this.#startFlush(partition);
    return done;
  }

  #startFlush(partition: string): void {
    if (this.#flushing.has(partition)) return;
    const flush = this.#flush(partition).finally(() => {
      this.#flushing.delete(partition);
      // A write may have queued between the loop's last check and this point.
      if ((this.#queues.get(partition)?.length ?? 0) > 0) this.#startFlush(partition);
      else this.#queues.delete(partition);
    });
    this.#flushing.set(partition, flush);
  }

  async #flush(partition: string): Promise<void> {
    const queue = this.#queues.get(partition)!;
    while (queue.length > 0) {
      const batch = takeBatch(queue);
      try {
        await untilStorageAnswers(() => this.#apply(partition, batch));
        for (const item of batch) item.resolve();
      } catch (error) {
        for (const item of batch) item.reject(error as Error);
      }
    }
  }

  async #apply(partition: string, batch: Queued[]): Promise<void> {
    const actions: TransactionAction[] = [];
    for (const { op } of batch) {
      if (op.kind === 'delete') actions.push(['delete', { partitionKey: partition, rowKey: op.rowKey }]);
      else
        actions.push([
          'upsert',
          { partitionKey: partition, rowKey: op.rowKey, ...(await this.#encode(partition, op.rowKey, op.data)) },
          'Replace',
        ]);
    }
    try {
      await this.history.submitTransaction(actions);
    } catch (error) {
      if (storageUnavailable(error)) throw error;
      // A delete of a row already gone fails the whole transaction; apply one by one, ignoring those.
      for (const action of actions) {
        if (action[0] === 'delete') await this.history.deleteEntity(partition, action[1].rowKey).catch(ignoreNotFound);
        else await this.history.upsertEntity(action[1] as TableEntity, 'Replace');
      }
    }
  }

  async readPartition(partition: string): Promise<Row[]> {
    const rows: Row[] = [];
    const entities = this.history.listEntities<Record<string, unknown>>({
      queryOptions: { filter: `PartitionKey eq '${partition.replace(/'/g, "''")}'` },
    });
    for await (const entity of entities) rows.push({ rowKey: String(entity.rowKey), data: await this.#decode(entity) });
    return rows;
  }

  async deletePartition(partition: string): Promise<void> {
    const rows = await this.readPartition(partition);
    await this.write(
      partition,
      rows.map((r) => ({ kind: 'delete' as const, rowKey: r.rowKey })),
    );
    for await (const blob of this.#payloads.listBlobsFlat({ prefix: `${partition}/` })) {
      await this.#payloads.deleteBlob(blob.name).catch(ignoreNotFound);
    }
  }

  async putInstance(instanceId: string, data: unknown): Promise<void> {
    const entity = { partitionKey: instanceId, rowKey: '', ...(await this.#encode(instanceId, 'instance', data)) };
    await untilStorageAnswers(() => this.instances.upsertEntity(entity, 'Replace'));
  }

  async deleteInstance(instanceId: string): Promise<void> {
    await this.instances.deleteEntity(instanceId, '').catch(ignoreNotFound);
  }

  async *allInstances(): AsyncGenerator<unknown> {
    for await (const entity of this.instances.listEntities<Record<string, unknown>>()) yield await this.#decode(entity);
  }
}

function ignoreNotFound(error: { statusCode?: number }): void {
  if (error.statusCode !== 404) throw error;
}

export type { Op };
