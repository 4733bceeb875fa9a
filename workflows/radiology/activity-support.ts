import { createHash } from 'node:crypto';
import type { ContainerClient } from '@azure/storage-blob';
import type { AuditSink } from '../../shared/audit/records';
import type { CriticalRule } from '../../shared/radiology/critical';
import type { ReportSigner } from '../../shared/radiology/signing';
import type { Notifier } from '../../shared/review/notifier';
import type { RadiologyRun } from './types';

export interface RadiologyDeps {
  studies: ContainerClient;
  drafts: ContainerClient;
  signed: ContainerClient;
  finetune: ContainerClient;
  audit: AuditSink;
  notifier: Notifier;
  signer: () => Promise<ReportSigner>;
  /** The site's critical results list (RADIOLOGY_CRITICAL_FINDINGS). */
  criticalRules: CriticalRule[];
  now?: () => number;
}

export const sha = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
export const readJson = async <T>(c: ContainerClient, name: string) =>
  JSON.parse((await c.getBlockBlobClient(name).downloadToBuffer()).toString('utf8')) as T;

/** Writes a blob only if it does not exist yet; false when it already did (a replay or a second click). */
export async function writeOnce(
  c: ContainerClient,
  name: string,
  data: string | Buffer,
  contentType: string,
): Promise<boolean> {
  const body = typeof data === 'string' ? Buffer.from(data) : data;
  try {
    await c.getBlockBlobClient(name).upload(body, body.length, {
      conditions: { ifNoneMatch: '*' },
      blobHTTPHeaders: { blobContentType: contentType },
    });
    return true;
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode === 409) return false;
    throw error;
  }
}

/** The clock and the pipeline audit events every radiology activity shares. */
export function radiologyActivitySupport(deps: RadiologyDeps) {
  const now = () => (deps.now ?? Date.now)();
  const iso = () => new Date(now()).toISOString();
  const pipelineEvent = (
    run: RadiologyRun,
    instanceId: string,
    event: 'submitted' | 'drafted' | 'critical-notified' | 'signed' | 'filed' | 'rejected' | 'expired',
    extra: Record<string, unknown> = {},
  ) =>
    deps.audit.append({
      kind: 'pipeline',
      timestamp: iso(),
      event,
      pipeline: 'radiology',
      instanceId,
      subjectId: sha(run.accession).slice(0, 24),
      actor: run.requestedBy,
      ...extra,
    });

  return { now, iso, pipelineEvent };
}
