import { isRetryable } from '../shared/errors';

/**
 * An activity's error reaches its orchestrator as text (Durable keeps the message, not the class), so the activity
 * writes the retry intent into the message and the orchestrator reads it back: `[non-retryable ContentBlockedError]`,
 * `[retryable after 2000 ms ModelUnavailableError]`.
 */
export interface RetryIntent {
  retryable: boolean;
  retryAfterMs?: number;
  /** The error class the activity threw, e.g. `ResidencyUnavailableError`. */
  errorName: string;
}

const MARKER = /\[(retryable|non-retryable)(?: after (\d+) ms)? ([A-Za-z_]\w*)\]/;
// Only our own prefix counts as already marked: an upstream message quoting a marker must not set the intent.
const MARKED = new RegExp(`^${MARKER.source}`);

/** Activity side: the same error with its intent in the message; errors that say nothing are treated as transient. */
export function withRetryIntent(error: unknown): Error {
  const cause = error instanceof Error ? error : new Error(String(error));
  if (MARKED.test(cause.message)) return cause;
  const flag = (cause as { retryable?: unknown }).retryable;
  // A zod error is the caller's input: no retry can fix it.
  const retryable = flag === undefined ? cause.name !== 'ZodError' : isRetryable(cause);
  const after = (cause as { retryAfterMs?: unknown }).retryAfterMs;
  // Non-retryable errors may say when to look again too (a residency wait ends when an endpoint is readmitted).
  const wait = typeof after === 'number' && after > 0 ? ` after ${Math.ceil(after)} ms` : '';
  const marked = new Error(`[${retryable ? 'retryable' : 'non-retryable'}${wait} ${cause.name}] ${cause.message}`, {
    cause,
  });
  marked.name = cause.name;
  return marked;
}

/** Orchestrator side (pure): the intent in a failed activity's message; no marker means a transient host fault. */
export function retryIntentOf(error: unknown): RetryIntent {
  const match = MARKER.exec(error instanceof Error ? error.message : String(error));
  if (!match) return { retryable: true, errorName: 'Error' };
  return {
    retryable: match[1] === 'retryable',
    retryAfterMs: match[2] === undefined ? undefined : Number(match[2]),
    errorName: match[3]!,
  };
}
