import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { ContainerClient } from '@azure/storage-blob';
import { type ChainedRecord, chain } from './canonical';
import { type ChainState, loadChainState, nextSegment } from './chain-state';
import type { HeadKey } from './head-key';
import { type HeadsTable, HeadsWriter } from './heads';
import type { AuditRecord, AuditSink } from './records';
import { validateAuditRecord } from './schema';
import { dayOf, WRITER_NAME } from './segments';

/** Azure's limit on committed blocks per append blob. */
export const APPEND_BLOB_BLOCK_LIMIT = 50_000;

export interface BlobAuditSinkOptions {
  /** Signs each head and the day manifest (Key Vault on Azure, the local HMAC key locally). */
  key: HeadKey;
  writer?: string;
  /** Blocks per segment before the chain continues in the next one (tests use a small number). */
  maxBlocksPerSegment?: number;
  /** How soon a failed heads-table write is tried again. */
  headRetryMs?: number;
}

interface Queued {
  record: AuditRecord;
  resolve(): void;
  reject(error: Error): void;
}

/**
 * The durable audit sink: append blobs, one hash chain per writer per day (`audit/2026/11/25/<writer>.jsonl`).
 * Concurrent writers never share a chain, so none can interleave or lose another's records; the verifier and
 * query read every chain of a day as one merged view. Within a writer, appends are serialised and guarded by the
 * blob's append position, so a second process reusing a writer name fails loudly instead of forking the chain.
 * Each flush is one block; near the block limit the chain continues in a next segment. After each append the day's
 * head (last seq and hash) goes to a table, signed, so deleting, truncating or extending a chain shows.
 * The sink only ever extends a chain from its own last record: if storage's tail is someone else's, it refuses
 * rather than sign a head over records it did not write.
 */
export class BlobAuditSink implements AuditSink {
  readonly writer: string;
  readonly #chains = new Map<string, ChainState>();
  /** Per day, the last record this sink wrote: the only tail it will extend after reloading from storage. */
  readonly #written = new Map<string, string>();
  /** Per day, the last record of a block whose outcome is unknown (its response was lost): ours if it landed. */
  readonly #attempted = new Map<string, string>();
  readonly #queue: Queued[] = [];
  readonly #heads: HeadsWriter;
  readonly #maxBlocks: number;
  #flushing: Promise<void> | undefined;
  #ready: Promise<unknown> | undefined;

  constructor(
    private readonly container: ContainerClient,
    heads: HeadsTable,
    options: BlobAuditSinkOptions,
  ) {
    const { key, writer, maxBlocksPerSegment, headRetryMs } = options;
    this.writer =
      writer ??
      `${hostname()
        .replace(/[^\w-]/g, '')
        .slice(0, 60)}-${process.pid}-${randomBytes(3).toString('hex')}`;
    if (!WRITER_NAME.test(this.writer))
      throw new Error(`audit writer name "${this.writer}": use letters, digits, _ and - only (no dots), 1-100`);
    this.#maxBlocks = maxBlocksPerSegment ?? APPEND_BLOB_BLOCK_LIMIT;
    this.#heads = new HeadsWriter(heads, key, headRetryMs ?? 1000);
  }

  /** Heads not yet in the table (a failed write waiting for its retry). */
  get pendingHeads(): number {
    return this.#heads.pending;
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
    try {
      this.#ready ??= this.container.createIfNotExists();
      await this.#ready;
    } catch (error) {
      this.#ready = undefined;
      for (const item of this.#queue.splice(0)) item.reject(error as Error);
      return;
    }
    while (this.#queue.length > 0) {
      const batch = this.#queue.splice(0, 500);
      const byDay = new Map<string, Queued[]>();
      for (const item of batch) {
        const day = dayOf(item.record.timestamp);
        byDay.set(day, [...(byDay.get(day) ?? []), item]);
      }
      for (const [day, items] of byDay) {
        try {
          const state = await this.#appendDay(
            day,
            items.map((i) => i.record),
          );
          // Never throws: the records are durable now, a failed head write only waits for its retry.
          await this.#heads.record({
            day,
            chain: this.writer,
            seq: state.seq,
            hash: state.hash,
            blob: state.blob.name,
          });
          for (const item of items) item.resolve();
        } catch (error) {
          for (const item of items) item.reject(error as Error);
        }
      }
    }
  }

  async #appendDay(day: string, records: AuditRecord[]): Promise<ChainState> {
    let state = this.#chains.get(day) ?? (await this.#reload(day));
    if (state.blocks >= this.#maxBlocks) state = await nextSegment(this.container, day, this.writer, state);
    this.#chains.set(day, state);
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
    // A signed intent first, so a crash between this append and its head leaves a tail the key still vouches for.
    await this.#heads.announce({ day, chain: this.writer, seq, hash, blob: state.blob.name });
    try {
      const response = await state.blob.appendBlock(text, bytes, { conditions: { appendPosition: state.length } });
      const next = {
        ...state,
        seq,
        hash,
        length: state.length + bytes,
        blocks: response.blobCommittedBlockCount ?? state.blocks + 1,
      };
      this.#chains.set(day, next);
      this.#written.set(day, hash);
      return next;
    } catch (error) {
      this.#chains.delete(day);
      this.#attempted.set(day, hash);
      // A block can land although its response was lost (the client's own retry then fails on the append position):
      // storage says whether our last record is the chain's last, so a landed block is never reported as lost.
      const actual = await loadChainState(this.container, day, this.writer).catch(() => undefined);
      if (actual?.hash !== hash) throw error;
      this.#chains.set(day, actual);
      this.#written.set(day, hash);
      return actual;
    }
  }

  async #reload(day: string): Promise<ChainState> {
    const state = await loadChainState(this.container, day, this.writer);
    const own = this.#written.get(day);
    if (own !== undefined && state.hash !== own && state.hash !== this.#attempted.get(day))
      throw new Error(
        `audit chain ${state.blob.name} ends in a record this writer did not write (someone else appended to it); not extending it (run \`enclave audit verify --from ${day} --to ${day}\`)`,
      );
    return state;
  }
}
