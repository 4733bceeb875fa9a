import { createHash, randomBytes } from 'node:crypto';
import { TableClient } from '@azure/data-tables';
import type { ContainerClient } from '@azure/storage-blob';
import type { BlobAuditSink } from '../../shared/audit/blob-sink';
import { localHeadKey } from '../../shared/audit/head-key-local';
import type { ModelCallRecord } from '../../shared/audit/records';
import { blobService, testStorage } from '../support/storage';

export const DAY = '2026-11-25';
export const sha = (text: string) => createHash('sha256').update(text).digest('hex');
let n = 0;

/** The audit writers' head key in these suites: random per run, so nothing but the sink can sign a head. */
export const headKey = localHeadKey(randomBytes(32).toString('hex'));

/** A fresh audit container and heads table in the run's Azurite, so suites never see each other's chains. */
export function auditStorage(name: string) {
  const suffix = `${name}${Date.now().toString(36)}${n++}`;
  return {
    container: blobService().getContainerClient(`audit-${suffix}`.toLowerCase().replace(/[^a-z0-9-]/g, '')),
    heads: TableClient.fromConnectionString(testStorage(), `heads${suffix}`.replace(/[^A-Za-z0-9]/g, ''), {
      allowInsecureConnection: true,
    }),
  };
}

export type AuditStorage = ReturnType<typeof auditStorage>;

export const modelCall = (i: number, overrides: Partial<ModelCallRecord> = {}, day = DAY): ModelCallRecord => ({
  kind: 'model-call',
  timestamp: `${day}T10:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}.000Z`,
  requestId: `req-${i}`,
  userId: `user-${i % 5}@bank.example`,
  ipAddress: '10.0.0.1',
  model: 'gpt-4o',
  deployment: 'var-narrative',
  tokensUsed: { prompt: 100, completion: 50, total: 150 },
  region: 'eastus',
  dataClassification: 'confidential',
  pipeline: i % 2 === 0 ? 'var' : 'foia',
  endpoint: 'eastus',
  attempts: [{ endpoint: 'eastus', region: 'eastus', outcome: 'ok', status: 200, latencyMs: 12 }],
  latencyMs: 12,
  safety: {},
  costUsd: 0.00125,
  promptSha256: sha(`prompt ${i}`),
  outcome: 'ok',
  residencyPolicy: 'data-zone:americas',
  ...overrides,
});

export async function writeRecords(sink: BlobAuditSink, count: number, offset = 0) {
  await Promise.all(Array.from({ length: count }, (_, i) => sink.append(modelCall(offset + i))));
}

/** One append per record, awaited in turn: one block each, so block counts are exact. */
export async function writeOneByOne(sink: BlobAuditSink, count: number, offset = 0) {
  for (let i = 0; i < count; i++) await sink.append(modelCall(offset + i));
}

export async function storedLines(container: ContainerClient, blobName: string): Promise<string[]> {
  return (await container.getBlobClient(blobName).downloadToBuffer()).toString('utf8').split('\n').filter(Boolean);
}

/** Rewrites a chain blob the way an attacker with storage access would: same name, edited lines. */
export async function tamper(container: ContainerClient, blobName: string, edit: (lines: string[]) => string[]) {
  const lines = await storedLines(container, blobName);
  const text = `${edit(lines).join('\n')}\n`;
  const blob = container.getAppendBlobClient(blobName);
  await blob.delete();
  await blob.create();
  await blob.appendBlock(text, Buffer.byteLength(text));
}
