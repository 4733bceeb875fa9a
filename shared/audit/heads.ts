import type { TableClient, TransactionAction } from '@azure/data-tables';
import type { HeadKey, HeadSignature } from './head-key';
import {
  type DayManifest,
  type Head,
  headStatement,
  intentStatement,
  manifestStatement,
  type SignatureColumns,
  signatureColumns,
  signatureOf,
} from './statements';

export type { Head } from './statements';

export type HeadsTable = Pick<TableClient, 'createTable' | 'upsertEntity' | 'getEntity' | 'submitTransaction'>;

/** The row key of a day's manifest; `~` is not a writer-name character, so no chain can take it. */
export const MANIFEST_ROW = '~manifest';

export interface StoredHead extends Head {
  signature?: HeadSignature;
  /** The head the writer announced before its latest append, signed: covers a tail whose head write was lost. */
  intent?: Head & { signature?: HeadSignature };
  /** The row holds only an intent: the writer crashed before its first head. */
  intentOnly?: boolean;
}

export interface StoredManifest extends DayManifest {
  signature?: HeadSignature;
  /** The chains column could not be read as a list of names. */
  unreadable?: boolean;
  etag?: string;
}

export interface HeadRows {
  heads: StoredHead[];
  manifests: Map<string, StoredManifest>;
}

type Row = SignatureColumns & { partitionKey?: string; rowKey?: string; etag?: string; [column: string]: unknown };

function manifestOf(day: string, row: Row): StoredManifest {
  let chains: unknown;
  try {
    chains = JSON.parse(String(row.chains));
  } catch {
    chains = undefined;
  }
  const valid = Array.isArray(chains) && chains.every((c) => typeof c === 'string');
  return {
    day,
    chains: valid ? (chains as string[]) : [],
    unreadable: !valid,
    signature: signatureOf(row),
    etag: row.etag,
  };
}

/** Every head and day manifest of the days from..to, with their stored signatures. */
export async function readHeadRows(heads: Pick<TableClient, 'listEntities'>, from: string, to: string) {
  const out: HeadRows = { heads: [], manifests: new Map() };
  try {
    for await (const row of heads.listEntities<Row>({
      queryOptions: { filter: `PartitionKey ge '${from}' and PartitionKey le '${to}'` },
    })) {
      const day = String(row.partitionKey);
      if (row.rowKey === MANIFEST_ROW) {
        out.manifests.set(day, manifestOf(day, row));
        continue;
      }
      const chain = String(row.rowKey);
      const intent =
        row.nextSeq === undefined
          ? undefined
          : {
              day,
              chain,
              seq: Number(row.nextSeq),
              hash: String(row.nextHash),
              blob: String(row.nextBlob),
              signature: signatureOf({ sigAlg: row.nextSigAlg, sigKeyId: row.nextSigKeyId, sig: row.nextSig }),
            };
      out.heads.push({
        day,
        chain,
        seq: Number(row.seq),
        hash: String(row.hash),
        blob: String(row.blob),
        signature: signatureOf(row),
        intent,
        intentOnly: row.seq === undefined,
      });
    }
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode !== 404) throw error;
  }
  return out;
}

export async function readHeads(heads: Pick<TableClient, 'listEntities'>, from: string, to: string): Promise<Head[]> {
  return (await readHeadRows(heads, from, to)).heads
    .filter((h) => !h.intentOnly)
    .map(({ signature: _signature, intent: _intent, intentOnly: _only, ...head }) => head);
}

const statusOf = (error: unknown) => (error as { statusCode?: number }).statusCode;

/**
 * Keeps a writer's heads rows current, each signed with the head key, without ever failing an append: the
 * records are already durable in the chain, so a failed head write is kept pending and rewritten on the next flush
 * or by a retry timer. A writer's first head of a day goes in one table transaction with the day's signed manifest
 * extended by its chain name, so a chain deleted together with its head is still missed by the manifest.
 * Writes are serialised, so an older head can never overwrite a newer one.
 */
export class HeadsWriter {
  readonly #pending = new Map<string, Head>();
  /** Days whose manifest already lists this writer's chain. */
  readonly #listed = new Set<string>();
  #ready: Promise<unknown> | undefined;
  #writing: Promise<void> = Promise.resolve();
  #retry: NodeJS.Timeout | undefined;

  constructor(
    private readonly table: HeadsTable,
    private readonly key: HeadKey,
    private readonly retryMs: number,
  ) {}

  /** Resolves once the latest heads were written or, failing that, scheduled for a retry. */
  record(head: Head): Promise<void> {
    this.#pending.set(head.day, head);
    return this.#flush();
  }

  /**
   * Signs and stores the head the next append will reach, before it is made. Best effort: if it cannot be written
   * the append still goes ahead (a crash in that window then leaves an unheaded tail, which verify names).
   */
  announce(intent: Head): Promise<void> {
    const run = this.#writing.then(async () => {
      try {
        this.#ready ??= this.table.createTable();
        await this.#ready;
        const s = await this.key.sign(intentStatement(intent));
        const row = {
          partitionKey: intent.day,
          rowKey: intent.chain,
          nextSeq: intent.seq,
          nextHash: intent.hash,
          nextBlob: intent.blob,
          nextSigAlg: s.alg,
          nextSigKeyId: s.keyId,
          nextSig: s.value,
        };
        if (this.#listed.has(intent.day)) await this.table.upsertEntity(row, 'Merge');
        else await this.#listAndWrite(intent.day, intent.chain, row, 'Merge');
      } catch {
        this.#ready = undefined;
      }
    });
    this.#writing = run;
    return run;
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
        const row = {
          partitionKey: day,
          rowKey: head.chain,
          seq: head.seq,
          hash: head.hash,
          blob: head.blob,
          count: head.seq + 1,
          ...signatureColumns(await this.key.sign(headStatement(head))),
        };
        // Merge keeps the announced intent beside the head; it is never behind the head, so it covers nothing more.
        if (this.#listed.has(day)) await this.table.upsertEntity(row, 'Merge');
        else await this.#listAndWrite(day, head.chain, row, 'Merge');
        if (this.#pending.get(day) === head) this.#pending.delete(day);
      } catch {
        this.#ready = undefined;
        this.#scheduleRetry();
        return;
      }
    }
  }

  /** Adds the chain to the day's manifest and writes its head, atomically; another writer's race is retried. */
  async #listAndWrite(
    day: string,
    chain: string,
    headRow: Row & { partitionKey: string; rowKey: string },
    mode: 'Merge' | 'Replace',
  ) {
    for (let attempt = 1; ; attempt++) {
      const current = await this.#readManifest(day);
      if (current?.chains.includes(chain)) {
        await this.table.upsertEntity(headRow, mode);
        this.#listed.add(day);
        return;
      }
      const chains = [...(current?.chains ?? []), chain].sort();
      const manifestRow = {
        partitionKey: day,
        rowKey: MANIFEST_ROW,
        chains: JSON.stringify(chains),
        ...signatureColumns(await this.key.sign(manifestStatement({ day, chains }))),
      };
      const actions: TransactionAction[] = [
        current ? ['update', manifestRow, 'Replace', { etag: current.etag }] : ['create', manifestRow],
        ['upsert', headRow, mode],
      ];
      try {
        await this.table.submitTransaction(actions);
        this.#listed.add(day);
        return;
      } catch (error) {
        const status = statusOf(error);
        if ((status !== 409 && status !== 412) || attempt >= 20) throw error;
      }
    }
  }

  /** The day's manifest, refused when its signature does not hold: extending it would re-sign a forgery. */
  async #readManifest(day: string): Promise<StoredManifest | undefined> {
    let row: Row;
    try {
      row = await this.table.getEntity<Row>(day, MANIFEST_ROW);
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw error;
    }
    const manifest = manifestOf(day, row);
    const problem = manifest.signature
      ? await this.key.check(manifestStatement(manifest), manifest.signature)
      : 'it has no signature';
    if (manifest.unreadable || problem)
      throw new Error(`audit manifest of ${day} does not verify (${problem ?? 'unreadable chains'}); not extending it`);
    return manifest;
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
