import type { TableClient } from '@azure/data-tables';

/** The last record of one writer's chain of one day, as the heads table keeps it. */
export interface Head {
  day: string;
  chain: string;
  seq: number;
  hash: string;
  /** The chain's latest segment. */
  blob: string;
}

export type HeadsTable = Pick<TableClient, 'createTable' | 'upsertEntity'>;

export async function readHeads(heads: TableClient, from: string, to: string): Promise<Head[]> {
  const out: Head[] = [];
  try {
    for await (const row of heads.listEntities<{ seq: number; hash: string; blob: string }>({
      queryOptions: { filter: `PartitionKey ge '${from}' and PartitionKey le '${to}'` },
    })) {
      out.push({
        day: String(row.partitionKey),
        chain: String(row.rowKey),
        seq: Number(row.seq),
        hash: String(row.hash),
        blob: String(row.blob),
      });
    }
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode !== 404) throw error;
  }
  return out;
}

/**
 * Keeps a writer's heads rows current without ever failing an append: the records are already durable in the
 * chain, so a failed head write is kept pending and rewritten on the next flush or by a retry timer.
 * Writes are serialised, so an older head can never overwrite a newer one.
 */
export class HeadsWriter {
  readonly #pending = new Map<string, Head>();
  #ready: Promise<unknown> | undefined;
  #writing: Promise<void> = Promise.resolve();
  #retry: NodeJS.Timeout | undefined;

  constructor(
    private readonly table: HeadsTable,
    private readonly retryMs: number,
  ) {}

  /** Resolves once the latest heads were written or, failing that, scheduled for a retry. */
  record(head: Head): Promise<void> {
    this.#pending.set(head.day, head);
    return this.#flush();
  }

  get pending(): number {
    return this.#pending.size;
  }

  #flush(): Promise<void> {
    this.#writing = this.#writing.then(() => this.#writeAll());
    return this.#writing;
  }

  async #writeAll(): Promise<void> {
    for (const [day, head] of [...this.#pending]) {
      try {
        this.#ready ??= this.table.createTable();
        await this.#ready;
        await this.table.upsertEntity(
          {
            partitionKey: day,
            rowKey: head.chain,
            seq: head.seq,
            hash: head.hash,
            blob: head.blob,
            count: head.seq + 1,
          },
          'Replace',
        );
        if (this.#pending.get(day) === head) this.#pending.delete(day);
      } catch {
        this.#ready = undefined;
        this.#scheduleRetry();
        return;
      }
    }
  }

  #scheduleRetry(): void {
    if (this.#retry) return;
    this.#retry = setTimeout(() => {
      this.#retry = undefined;
      if (this.#pending.size > 0) void this.#flush();
    }, this.retryMs);
    // A pending head must not keep a finished process (a CLI run, a test) alive.
    this.#retry.unref();
  }
}
