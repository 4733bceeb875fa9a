import type { OrchestrationContext, OrchestrationHandler } from 'durable-functions';
import { RESIDENCY_UNAVAILABLE } from '../../shared/model/residency';
import { retryIntentOf } from '../retry-intent';
import { RETRY_ATTEMPTS, retryDelayMs } from '../retry-policy';

export const MODEL_CALL_ORCHESTRATOR = 'modelCallOrchestrator';
export const CALL_MODEL = 'callModel';
const MINUTE = 60_000;

export interface ResilientModelCall {
  request: Record<string, unknown>;
  /** How long to wait for an allowed region to come back before giving up. */
  waitForRegionMs?: number;
  pollMs?: number;
}

/**
 * `callModel` for pipelines, retried by the intent its error carries: a block, a bad request or a residency incident
 * fails at once; a transient failure retries on the shared back-off (or the later retry-after); when no region the
 * residency policy allows is available, the run waits on durable timers (never widening the policy) until one
 * returns or the wait runs out.
 */
export const modelCallOrchestrator: OrchestrationHandler = function* (context: OrchestrationContext) {
  const input = context.df.getInput() as ResilientModelCall;
  const now = () => context.df.currentUtcDateTime.getTime();
  const giveUpAt = now() + (input.waitForRegionMs ?? 60 * MINUTE);
  let failures = 0;
  let waits = 0;
  for (;;) {
    try {
      return yield context.df.callActivity(CALL_MODEL, input.request);
    } catch (error) {
      const intent = retryIntentOf(error);
      let wakeAt: number;
      if (intent.errorName === RESIDENCY_UNAVAILABLE) {
        if (now() >= giveUpAt) throw error;
        waits++;
        context.df.setCustomStatus({ waitingForRegion: true, waits, policy: input.request.residency });
        // Back as soon as an allowed endpoint is readmitted (its circuit's trial), at the latest after the poll.
        const poll = input.pollMs ?? 5 * MINUTE;
        wakeAt = Math.min(giveUpAt, now() + Math.min(poll, intent.retryAfterMs ?? poll));
      } else {
        failures++;
        if (!intent.retryable || failures >= RETRY_ATTEMPTS) throw error;
        wakeAt = now() + retryDelayMs(failures, intent.retryAfterMs);
      }
      yield context.df.createTimer(new Date(wakeAt));
    }
  }
};
