/**
 * What the audit trail records. Never prompt or completion text, never PHI/PII: hashes and identifiers only.
 * The audit module validates each kind with its own zod schema; fields may be added, not renamed.
 */
export type DataClassification = 'public' | 'internal' | 'confidential' | 'phi' | 'pii' | 'classified';

export interface SafetyVerdict {
  /** Severity 0–7 per category: hate, sexual, violence, selfHarm, illegalActivity. */
  severities: Record<'hate' | 'sexual' | 'violence' | 'selfHarm' | 'illegalActivity', number>;
  decision: 'allow' | 'warn' | 'block';
  /** Categories that caused warn/block. */
  flagged: string[];
}

export interface ModelCallAttempt {
  endpoint: string;
  region: string;
  outcome:
    | 'ok'
    | 'throttled'
    | 'timeout'
    | 'server-error'
    | 'client-error'
    | 'content-filter'
    | 'network-error'
    | 'aborted';
  status?: number;
  latencyMs: number;
  /** Started because the attempt before it had not answered within its endpoint's latency SLO. */
  hedge?: boolean;
  /** Tokens and cost of an attempt that lost a hedge race (its usage if it answered, else its prompt). */
  billedTokens?: number;
  costUsd?: number;
}

export interface ModelCallRecord {
  kind: 'model-call';
  timestamp: string;
  requestId: string;
  userId: string;
  ipAddress: string;
  model: string;
  deployment: string;
  tokensUsed: { prompt: number; completion: number; total: number };
  region: string;
  dataClassification: DataClassification;
  pipeline: string;
  instanceId?: string;
  endpoint: string;
  attempts: ModelCallAttempt[];
  latencyMs: number;
  safety: { input?: SafetyVerdict; output?: SafetyVerdict };
  costUsd: number;
  /** The part of costUsd that hedging added: the attempts that lost the race. */
  hedgeCostUsd?: number;
  /** What the call would cost pay-as-you-go (equals costUsd except for PTU-served calls). */
  paygEquivalentUsd?: number;
  billing?: 'ptu' | 'payg';
  /** The deployment that answered and was billed; differs from `deployment` when Azure spilled a PTU call over. */
  servedDeployment?: string;
  /** The provisioned deployment Azure spilled the call over from. */
  spilloverFrom?: string;
  promptSha256: string;
  completionSha256?: string;
  /** `residency-refused`: the request asked for a wider residency than its pipeline's, or a lower data class. */
  outcome: 'ok' | 'blocked' | 'failed' | 'residency-unavailable' | 'residency-incident' | 'residency-refused' | 'probe';
  residencyPolicy: string;
}

export interface ReviewRecord {
  kind: 'review';
  timestamp: string;
  event:
    | 'link-issued'
    | 'link-opened'
    | 'reminder-sent'
    | 'escalated'
    | 'decision'
    | 'expired'
    | 'link-refused'
    | 'link-revoked';
  pipeline: string;
  instanceId: string;
  subjectId: string;
  reviewer: string;
  decision?: 'approved' | 'modified' | 'rejected' | 'expired';
  /** SHA-256 of the diff between draft and final content (decision events). */
  diffSha256?: string;
  reason?: string;
}

export interface PipelineRecord {
  kind: 'pipeline';
  timestamp: string;
  event:
    | 'submitted'
    | 'drafted'
    | 'critical-notified'
    | 'cutoff-set'
    | 'filed'
    | 'signed'
    | 'published'
    | 'released'
    | 'rejected'
    | 'expired'
    | 'failed';
  pipeline: string;
  instanceId: string;
  subjectId: string;
  actor: string;
  /** Blob names or hashes of what was written; never content. */
  artifacts?: { name: string; sha256: string }[];
  detail?: string;
}

export type AuditRecord = ModelCallRecord | ReviewRecord | PipelineRecord;

/** Where audit records go. The gateway, review and pipelines depend on this interface only. */
export interface AuditSink {
  append(record: AuditRecord): Promise<void>;
}
