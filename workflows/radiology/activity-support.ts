import type { ContainerClient } from '@azure/storage-blob';
import type { AuditSink } from '../../shared/audit/records';
import { stampTime } from '../../shared/clock';
import type { CriticalRule } from '../../shared/radiology/critical';
import type { ReportSigner } from '../../shared/radiology/signing';
import type { Notifier } from '../../shared/review/notifier';
import { sha256 } from '../../shared/storage/sha256';
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

/** The clock and the pipeline audit events every radiology activity shares. */
export function radiologyActivitySupport(deps: RadiologyDeps) {
  const now = () => (deps.now ?? Date.now)();
  const iso = stampTime(deps);
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
      subjectId: sha256(run.accession).slice(0, 24),
      actor: run.requestedBy,
      ...extra,
    });

  return { now, iso, pipelineEvent };
}
