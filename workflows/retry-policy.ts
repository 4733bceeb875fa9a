import * as df from 'durable-functions';

/** Attempts in all, the first retry interval and its growth: the one schedule every pipeline retries on. */
export const RETRY_ATTEMPTS = 4;
const FIRST_INTERVAL_MS = 2000;
const BACKOFF = 2;

/** How the pipelines retry activities that talk to storage or the model: 4 attempts, 2 s doubling. */
export function activityRetry(firstIntervalMs = FIRST_INTERVAL_MS): df.RetryOptions {
  const retry = new df.RetryOptions(firstIntervalMs, RETRY_ATTEMPTS);
  retry.backoffCoefficient = BACKOFF;
  return retry;
}

/** The same schedule for an orchestrator that retries by itself: the wait after the n-th failure, or retry-after. */
export function retryDelayMs(failures: number, retryAfterMs = 0, firstIntervalMs = FIRST_INTERVAL_MS): number {
  return Math.max(firstIntervalMs * BACKOFF ** (failures - 1), retryAfterMs);
}
