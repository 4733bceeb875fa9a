import { z } from 'zod';
import { isRetryable } from '../errors';
import type { ModelCallResult } from './request';

/** The version of the payload `callModel` hands its orchestrator; bump it when a field changes meaning. */
export const MODEL_CALL_OUTCOME_VERSION = 1;

/** Why a model call failed, as data: whether to try again, when, and the error's class and message. */
export const modelCallFailureSchema = z.object({
  retryable: z.boolean(),
  /** When to look again: a retry-after, or when an allowed endpoint is readmitted. */
  retryAfterMs: z.number().int().positive().optional(),
  /** The error class the gateway threw, e.g. `ResidencyUnavailableError`. */
  errorName: z.string().min(1),
  message: z.string(),
});
export type ModelCallFailure = z.infer<typeof modelCallFailureSchema>;

/**
 * What the `callModel` activity returns across Durable. A failure travels as a typed value, not as an exception
 * whose message the orchestrator would have to parse (Durable keeps an activity error's text, not its class).
 */
export type ModelCallOutcome =
  | { v: typeof MODEL_CALL_OUTCOME_VERSION; ok: true; result: ModelCallResult }
  | { v: typeof MODEL_CALL_OUTCOME_VERSION; ok: false; failure: ModelCallFailure };

/** The outcome as the orchestrator reads it back; the result's own fields are the gateway's (typed by it). */
export const modelCallOutcomeSchema = z.discriminatedUnion('ok', [
  z.object({
    v: z.literal(MODEL_CALL_OUTCOME_VERSION),
    ok: z.literal(true),
    result: z.looseObject({ content: z.string() }),
  }),
  z.object({ v: z.literal(MODEL_CALL_OUTCOME_VERSION), ok: z.literal(false), failure: modelCallFailureSchema }),
]);

/** The failure an error stands for; errors that say nothing of retrying are transient, except a bad request. */
export function failureOf(error: unknown): ModelCallFailure {
  const cause = error instanceof Error ? error : new Error(String(error));
  const flag = (cause as { retryable?: unknown }).retryable;
  // A zod error is the caller's input: no retry can fix it.
  const retryable = flag === undefined ? cause.name !== 'ZodError' : isRetryable(cause);
  const after = (cause as { retryAfterMs?: unknown }).retryAfterMs;
  return {
    retryable,
    // Non-retryable errors may say when to look again too (a residency wait ends when an endpoint is readmitted).
    retryAfterMs: typeof after === 'number' && after > 0 ? Math.ceil(after) : undefined,
    errorName: cause.name,
    message: cause.message,
  };
}

/** Runs a call and returns its outcome payload; only a fault outside the call itself can still throw. */
export async function modelCallOutcome(call: () => Promise<ModelCallResult>): Promise<ModelCallOutcome> {
  try {
    return { v: MODEL_CALL_OUTCOME_VERSION, ok: true, result: await call() };
  } catch (error) {
    return { v: MODEL_CALL_OUTCOME_VERSION, ok: false, failure: failureOf(error) };
  }
}
