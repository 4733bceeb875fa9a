import { z } from 'zod';
import type { AuditRecord } from './records';

const id = z.string().regex(/^[\w.@:/+-]{1,200}$/, 'identifiers only: letters, digits and . @ : / + - _');
const hash = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 hex digest');
const iso = z.string().datetime({ offset: true });
const PHI_PATTERNS = [
  /\b\d{3}-\d{2}-\d{4}\b/,
  /\b\(?\d{3}\)?[-. ]\d{3}[-. ]\d{4}\b/,
  /[\w.+-]+@[\w-]+\.[\w.]+/,
  /\b\d{1,2}\/\d{1,2}\/\d{2,4}\b/,
];
/** Free text is limited to short codes: a reason or detail must never carry PHI, PII or prompt text. */
const note = z
  .string()
  .max(160)
  .regex(/^[A-Za-z0-9 ,.;:()'/_-]*$/, 'short plain text only')
  .refine(
    (v) => !PHI_PATTERNS.some((p) => p.test(v)),
    'looks like personal data (SSN, phone, e-mail or date); audit records carry none',
  );

const verdict = z.object({
  severities: z.object({
    hate: z.number(),
    sexual: z.number(),
    violence: z.number(),
    selfHarm: z.number(),
    illegalActivity: z.number(),
  }),
  decision: z.enum(['allow', 'warn', 'block']),
  flagged: z.array(z.string()),
});

const modelCall = z.strictObject({
  kind: z.literal('model-call'),
  timestamp: iso,
  requestId: id,
  userId: id,
  ipAddress: z.string().max(64),
  model: id,
  deployment: id,
  tokensUsed: z.object({
    prompt: z.number().int().min(0),
    completion: z.number().int().min(0),
    total: z.number().int().min(0),
  }),
  region: z.string().max(64),
  dataClassification: z.enum(['public', 'internal', 'confidential', 'phi', 'pii', 'classified']),
  pipeline: id,
  instanceId: id.optional(),
  endpoint: z.string().max(64),
  attempts: z.array(
    z.object({
      endpoint: z.string().max(64),
      region: z.string().max(64),
      outcome: z.string().max(32),
      status: z.number().optional(),
      latencyMs: z.number(),
      hedge: z.boolean().optional(),
      billedTokens: z.number().int().min(0).optional(),
      costUsd: z.number().min(0).optional(),
    }),
  ),
  latencyMs: z.number().min(0),
  safety: z.object({ input: verdict.optional(), output: verdict.optional() }),
  costUsd: z.number().min(0),
  hedgeCostUsd: z.number().min(0).optional(),
  paygEquivalentUsd: z.number().min(0).optional(),
  billing: z.enum(['ptu', 'payg']).optional(),
  servedDeployment: id.optional(),
  spilloverFrom: id.optional(),
  promptSha256: hash,
  completionSha256: hash.optional(),
  outcome: z.enum([
    'ok',
    'blocked',
    'failed',
    'residency-unavailable',
    'residency-incident',
    'residency-refused',
    'probe',
  ]),
  residencyPolicy: z.string().max(64),
});

const review = z.strictObject({
  kind: z.literal('review'),
  timestamp: iso,
  event: z.enum([
    'link-issued',
    'link-opened',
    'reminder-sent',
    'escalated',
    'decision',
    'expired',
    'link-refused',
    'link-revoked',
  ]),
  pipeline: id,
  instanceId: id,
  subjectId: id,
  reviewer: id,
  decision: z.enum(['approved', 'modified', 'rejected', 'expired']).optional(),
  diffSha256: hash.optional(),
  reason: note.optional(),
});

const pipeline = z.strictObject({
  kind: z.literal('pipeline'),
  timestamp: iso,
  event: z.enum([
    'submitted',
    'cutoff-set',
    'drafted',
    'critical-notified',
    'filed',
    'signed',
    'published',
    'released',
    'rejected',
    'expired',
    'failed',
  ]),
  pipeline: id,
  instanceId: id,
  subjectId: id,
  actor: id,
  artifacts: z
    .array(
      z.object({
        name: z
          .string()
          .max(300)
          .regex(/^[\w./-]+$/),
        sha256: hash,
      }),
    )
    .optional(),
  detail: note.optional(),
});

export const auditRecordSchema = z.discriminatedUnion('kind', [modelCall, review, pipeline]);

/** Validates a record; the error names the field and never echoes the value. */
export function validateAuditRecord(record: unknown): AuditRecord {
  const result = auditRecordSchema.safeParse(record);
  if (result.success) return result.data as AuditRecord;
  const issue = result.error.issues[0]!;
  const where = issue.path.join('.') || 'kind';
  throw new Error(
    `audit record rejected: ${where}: ${issue.code === 'invalid_union' ? 'unknown record kind (model-call, review or pipeline)' : issue.message}`,
  );
}
