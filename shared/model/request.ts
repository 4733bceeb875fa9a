import { z } from 'zod';

export const messageSchema = z.object({
  role: z.enum(['system', 'user', 'assistant', 'developer']),
  content: z.string(),
});

/** What a pipeline sends to `callModel`. */
export const modelCallRequestSchema = z.object({
  pipeline: z.string().min(1),
  /** Logical model name; each endpoint maps it to its deployment. */
  deployment: z.string().min(1),
  /** Price-table model family. */
  model: z.string().default('gpt-4o'),
  messages: z.array(messageSchema).min(1),
  responseFormat: z
    .union([
      z.object({ type: z.literal('text') }),
      z.object({ type: z.literal('json_object') }),
      z.object({
        type: z.literal('json_schema'),
        json_schema: z.object({
          name: z.string(),
          schema: z.record(z.string(), z.unknown()),
          strict: z.boolean().optional(),
        }),
      }),
    ])
    .optional(),
  maxTokens: z.number().int().positive().optional(),
  temperature: z.number().min(0).max(2).optional(),
  dataClassification: z.enum(['public', 'internal', 'confidential', 'phi', 'pii', 'classified']),
  /** Optional: the pipeline's configured policy applies; a request may only narrow it (see residency-binding). */
  residency: z.string().min(1).optional(),
  userId: z.string().min(1),
  ipAddress: z.string().default('0.0.0.0'),
  requestId: z.string().min(1),
  instanceId: z.string().optional(),
  /** Tells the local safety analyser that clinical or legal language is expected. */
  safetyContext: z.object({ clinical: z.boolean().optional(), legal: z.boolean().optional() }).optional(),
});

export type ModelCallRequest = z.input<typeof modelCallRequestSchema>;
export type ParsedModelCallRequest = z.output<typeof modelCallRequestSchema>;
/** A parsed request under the residency policy it may use. */
export type BoundModelCallRequest = ParsedModelCallRequest & { residency: string };

export interface ModelCallResult {
  content: string;
  /** Parsed JSON when a JSON response format was asked for. */
  json?: unknown;
  endpoint: string;
  region: string;
  deployment: string;
  /** The deployment that answered: differs from `deployment` when Azure spilled a PTU request over. */
  servedDeployment: string;
  tokens: { prompt: number; completion: number; total: number };
  latencyMs: number;
  attempts: number;
  costUsd: number;
  finishReason: string;
  safety: { input: unknown; output: unknown };
  /** Whether a hedge was started because an attempt passed its endpoint's latency SLO. */
  hedged: boolean;
}
