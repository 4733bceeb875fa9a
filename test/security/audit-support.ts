import type { TableClient } from '@azure/data-tables';
import { BlobAuditSink } from '../../shared/audit/blob-sink';
import { chain, GENESIS } from '../../shared/audit/canonical';
import { chainBlobName } from '../../shared/audit/segments';
import { verifyAudit } from '../../shared/audit/verify';
import { type AuditStorage, auditStorage, DAY, headKey, modelCall, writeRecords } from '../audit/support';

/** A day written by two real writers, verified clean before the insider starts. */
export async function realDay(name: string): Promise<AuditStorage> {
  const s = auditStorage(name);
  await writeRecords(new BlobAuditSink(s.container, s.heads, { key: headKey, writer: 'app-1' }), 12);
  await writeRecords(new BlobAuditSink(s.container, s.heads, { key: headKey, writer: 'app-2' }), 8, 100);
  const clean = await verifyAudit(s.container, s.heads, DAY, DAY, headKey);
  if (!clean.ok) throw new Error(`the real day does not verify before tampering: ${JSON.stringify(clean.problems)}`);
  return s;
}

export const verify = (s: AuditStorage) => verifyAudit(s.container, s.heads, DAY, DAY, headKey);

/** Valid chain lines as the sink would write them, continuing from (seq, hash); no key needed for these. */
export function forgedLines(count: number, from = { seq: -1, hash: GENESIS }, offset = 900) {
  const lines: string[] = [];
  let { seq, hash } = from;
  for (let i = 0; i < count; i++) {
    const entry = chain(modelCall(offset + i, { userId: 'insider@bank.example', costUsd: 0 }), seq + 1, hash);
    lines.push(JSON.stringify(entry));
    ({ seq, hash } = entry);
  }
  return { text: `${lines.join('\n')}\n`, seq, hash };
}

/** Appends text to a chain blob the way anyone with Storage Blob Data Contributor can. */
export async function appendToBlob(s: AuditStorage, writer: string, text: string) {
  const blob = s.container.getAppendBlobClient(chainBlobName(DAY, writer));
  await blob.createIfNotExists();
  await blob.appendBlock(text, Buffer.byteLength(text));
}

/** Writes a heads row the way anyone with Storage Table Data Contributor can, keeping whatever columns it had. */
export async function writeHeadRow(heads: TableClient, writer: string, head: { seq: number; hash: string }) {
  const existing = await heads.getEntity(DAY, writer).catch(() => ({}));
  await heads.upsertEntity(
    {
      ...existing,
      partitionKey: DAY,
      rowKey: writer,
      seq: head.seq,
      hash: head.hash,
      blob: chainBlobName(DAY, writer),
      count: head.seq + 1,
    },
    'Replace',
  );
}

export const kinds = (problems: { kind: string }[]) => [...new Set(problems.map((p) => p.kind))].sort();
