import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { TableClient } from '@azure/data-tables';
import { BlobServiceClient } from '@azure/storage-blob';
import { startAzurite } from '../../local/azurite/start';
import { BlobAuditSink } from '../../shared/audit/blob-sink';
import { localHeadKey } from '../../shared/audit/head-key-local';
import type { PipelineRecord } from '../../shared/audit/records';
import { verifyAudit } from '../../shared/audit/verify';

const record = (i: number): PipelineRecord => ({
  kind: 'pipeline',
  timestamp: `2026-11-25T12:00:${String(i % 60).padStart(2, '0')}.000Z`,
  event: 'published',
  pipeline: 'var',
  instanceId: `var-${i}`,
  subjectId: `s-${i}`,
  actor: 'system',
  artifacts: [{ name: `reports/published/var/${i}.pdf`, sha256: createHash('sha256').update(String(i)).digest('hex') }],
});

const headKey = localHeadKey(randomBytes(32).toString('hex'));

/** Appends per second with 1 and 8 writers (Azurite, disk mode) and verified records per second. */
export async function run(args: string[]): Promise<void> {
  const count = Number(args[0] ?? 5000);
  const dir = mkdtempSync(path.join(tmpdir(), 'enclave-bench-audit-'));
  const azurite = await startAzurite({ location: dir });
  try {
    for (const writers of [1, 8]) {
      const container = BlobServiceClient.fromConnectionString(azurite.connectionString).getContainerClient(
        `audit-bench-${writers}`,
      );
      const heads = TableClient.fromConnectionString(azurite.connectionString, `heads${writers}`, {
        allowInsecureConnection: true,
      });
      const sinks = Array.from(
        { length: writers },
        (_, w) => new BlobAuditSink(container, heads, { key: headKey, writer: `w${w}` }),
      );
      const t = performance.now();
      await Promise.all(
        sinks.map((sink, w) =>
          Promise.all(Array.from({ length: count / writers }, (_, i) => sink.append(record(w * count + i)))),
        ),
      );
      const appendSeconds = (performance.now() - t) / 1000;
      const v = performance.now();
      const result = await verifyAudit(container, heads, '2026-11-25', '2026-11-25', headKey);
      const verifySeconds = (performance.now() - v) / 1000;
      console.log(
        JSON.stringify({
          bench: 'audit',
          writers,
          records: count,
          appendsPerSecond: Math.round(count / appendSeconds),
          verifiedPerSecond: Math.round(result.records / verifySeconds),
          verifyOk: result.ok,
        }),
      );
    }
  } finally {
    await azurite.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
