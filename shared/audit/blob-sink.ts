import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { TableClient } from '@azure/data-tables';
import type { AppendBlobClient, ContainerClient } from '@azure/storage-blob';
import { type ChainedRecord, chain, GENESIS } from './canonical';
import type { AuditRecord, AuditSink } from './records';
import { validateAuditRecord } from './schema';

interface ChainState {
  blob: AppendBlobClient;
  seq: number;
  hash: string;
  length: number;
}

interface Queued {
  record: AuditRecord;
  resolve(): void;
  reject(error: Error): void;
}

export const dayOf = (timestamp: string) => timestamp.slice(0, 10);
export const chainBlobName = (day: string, chainName: string) => `${day.replaceAll('-', '/')}/${chainName}.jsonl`;

/**
 * The durable audit sink: append blobs, one hash chain per writer per day (`audit/2026/11/25/<writer>.jsonl`).
 * Concurrent writers never share a chain, so none can interleave or lose another's records; the verifier and
 * query read every chain of a day as one merged view. Within a writer, appends are serialised and guarded by the
 * blob's append position, so a second process reusing a writer name fails loudly instead of forking the chain.
 * After each append the day's head (last seq and hash) goes to a table, so deleting or truncating a chain shows.
 */
export class BlobAuditSink implements AuditSink {
  readonly writer: string;
  readonly #chains = new Map<string, ChainState>();
  readonly #queue: Queued[] = [];
  #flushing: Promise<void> | undefined;
  #ready: Promise<unknown> | undefined;

  constructor(
    private readonly container: ContainerClient,
    private readonly heads: TableClient,
    writer?: string,
  ) {
    this.writer = writer ?? `${hostname().replace(/[^\w-]/g, '')}-${process.pid}-${randomBytes(3).toString('hex')}`;
  }

  append(record: AuditRecord): Promise<void> {
    let valid: AuditRecord;
    try {
      valid = validateAuditRecord(record);
    } catch (error) {
      return Promise.reject(error);
    }
    const done = new Promise<void>((resolve, reject) => this.#queue.push({ record: valid, resolve, reject }));
    this.#startFlush();
    return done;
  }

  #startFlush(): void {
    this.#flushing ??= this.#flush().finally(() => {
      this.#flushing = undefined;
      // An append may have queued between the loop's last check and this point.
      if (this.#queue.length > 0) this.#startFlush();
    });
  }

  async #flush(): Promise<void> {
    this.#ready ??= Promise.all([this.container.createIfNotExists(), this.heads.createTable()]);
    await this.#ready;
    while (this.#queue.length > 0) {
      const batch = this.#queue.splice(0, 500);
      const byDay = new Map<string, Queued[]>();
      for (const item of batch) {
        const day = dayOf(item.record.timestamp);
        byDay.set(day, [...(byDay.get(day) ?? []), item]);
      }
      for (const [day, items] of byDay) {
        try {
          await this.#appendDay(
            day,
            items.map((i) => i.record),
          );
          for (const item of items) item.resolve();
        } catch (error) {
          this.#chains.delete(day);
          for (const item of items) item.reject(error as Error);
        }
      }
    }
  }

  async #appendDay(day: string, records: AuditRecord[]): Promise<void> {
    const state = await this.#chain(day);
    const entries: ChainedRecord[] = [];
    let { seq, hash } = state;
    for (const record of records) {
      const entry = chain(record, seq + 1, hash);
      entries.push(entry);
      seq = entry.seq;
      hash = entry.hash;
    }
    const text = `${entries.map((e) => JSON.stringify(e)).join('\n')}\n`;
    const bytes = Buffer.byteLength(text);
    await state.blob.appendBlock(text, bytes, { conditions: { appendPosition: state.length } });
    Object.assign(state, { seq, hash, length: state.length + bytes });
    await this.heads.upsertEntity(
      { partitionKey: day, rowKey: this.writer, seq, hash, blob: state.blob.name, count: seq + 1 },
      'Replace',
    );
  }

  async #chain(day: string): Promise<ChainState> {
    const known = this.#chains.get(day);
    if (known) return known;
    const blob = this.container.getAppendBlobClient(chainBlobName(day, this.writer));
    await blob.createIfNotExists({ blobHTTPHeaders: { blobContentType: 'application/x-ndjson' } });
    const content = (await blob.downloadToBuffer()).toString('utf8');
    const lines = content.split('\n').filter(Boolean);
    const last = lines.length > 0 ? (JSON.parse(lines.at(-1)!) as ChainedRecord) : undefined;
    const state: ChainState = {
      blob,
      seq: last?.seq ?? -1,
      hash: last?.hash ?? GENESIS,
      length: Buffer.byteLength(content),
    };
    this.#chains.set(day, state);
    return state;
  }
}
