import { createHash } from 'node:crypto';
import type { ContainerClient } from '@azure/storage-blob';
import type { AuditSink } from '../../shared/audit/records';
import type { Notifier } from '../../shared/review/notifier';
import type { FactsSheet } from '../../shared/var/facts';
import type { VarRun } from './types';

export interface VarDeps {
  lake: ContainerClient;
  reports: ContainerClient;
  drafts: ContainerClient;
  audit: AuditSink;
  notifier: Notifier;
  now?: () => number;
}

export const sha = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

export async function put(
  c: ContainerClient,
  name: string,
  data: string | Buffer,
  type: string,
  once = false,
): Promise<boolean> {
  const body = typeof data === 'string' ? Buffer.from(data) : data;
  try {
    await c.getBlockBlobClient(name).upload(body, body.length, {
      blobHTTPHeaders: { blobContentType: type },
      conditions: once ? { ifNoneMatch: '*' } : undefined,
    });
    return true;
  } catch (error) {
    if (once && (error as { statusCode?: number }).statusCode === 409) return false;
    throw error;
  }
}

/** What every VaR activity reads and writes through. */
export function varActivitySupport(deps: VarDeps) {
  const iso = () => new Date((deps.now ?? Date.now)()).toISOString();
  const factsName = (date: string) => `draft/var/${date}.facts.json`;
  const readFacts = async (date: string) =>
    JSON.parse(
      (await deps.reports.getBlockBlobClient(factsName(date)).downloadToBuffer()).toString('utf8'),
    ) as FactsSheet;
  const notify = (run: VarRun, instanceId: string, to: string, kind: string, title: string) =>
    deps.notifier.send({ kind, to, pipeline: 'var', subjectId: run.date, instanceId, title, at: iso() });

  return { iso, factsName, readFacts, notify };
}
