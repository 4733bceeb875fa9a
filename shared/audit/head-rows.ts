import type { TableClient } from '@azure/data-tables';
import type { HeadSignature } from './head-key';
import { type DayManifest, type Head, type SignatureColumns, signatureOf } from './statements';

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

export type Row = SignatureColumns & {
  partitionKey?: string;
  rowKey?: string;
  etag?: string;
  [column: string]: unknown;
};

export function manifestOf(day: string, row: Row): StoredManifest {
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
