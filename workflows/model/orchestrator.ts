import type { OrchestrationContext, OrchestrationHandler } from 'durable-functions';
import type { ModelCallOutcome } from '../../shared/model/call-failure';
import type { ModelCallRequest, ModelCallResult } from '../../shared/model/request';
import { RESIDENCY_UNAVAILABLE } from '../../shared/model/residency';
import { failedCall, failureOfOutcome } from '../retry-intent';
import { RETRY_ATTEMPTS, retryDelayMs } from '../retry-policy';

export const MODEL_CALL_ORCHESTRATOR = 'modelCallOrchestrator';
export const CALL_MODEL = 'callModel';
const MINUTE = 60_000;

/** The input of `modelCallOrchestrator`: the request as pipelines build it, and how long to wait for a region. */
export interface ResilientModelCall {
  request: ModelCallRequest;
  /** How long to wait for an allowed region to come back before giving up. */
  waitForRegionMs?: number;
  pollMs?: number;
}

/**
 * `callModel` for pipelines, retried by the failure its outcome carries: a block, a bad request or a residency
 * incident fails at once; a transient failure retries on the shared back-off (or the later retry-after); when no
 * region the residency policy allows is available, the run waits on durable timers (never widening the policy)
 * until one returns or the wait runs out.
 */
export const modelCallOrchestrator: OrchestrationHandler = function* (context: OrchestrationContext) {
  const input = context.df.getInput() as ResilientModelCall;
  const now = () => context.df.currentUtcDateTime.getTime();
  const giveUpAt = now() + (input.waitForRegionMs ?? 60 * MINUTE);
  let failures = 0;
  let waits = 0;
  for (;;) {
    let outcome: ModelCallOutcome | { thrown: unknown };
    try {
      outcome = yield context.df.callActivity(CALL_MODEL, input.request);
    } catch (thrown) {
      outcome = { thrown };
    }
    const failure = failureOfOutcome(outcome);
    if (!failure) return (outcome as Extract<ModelCallOutcome, { ok: true }>).result satisfies ModelCallResult;
    let wakeAt: number;
    if (failure.errorName === RESIDENCY_UNAVAILABLE) {
      if (now() >= giveUpAt) throw failedCall(failure);
      waits++;
      context.df.setCustomStatus({ waitingForRegion: true, waits, policy: input.request.residency });
      // Back as soon as an allowed endpoint is readmitted (its circuit's trial), at the latest after the poll.
      const poll = input.pollMs ?? 5 * MINUTE;
      wakeAt = Math.min(giveUpAt, now() + Math.min(poll, failure.retryAfterMs ?? poll));
    } else {
      failures++;
      if (!failure.retryable || failures >= RETRY_ATTEMPTS) throw failedCall(failure);
      wakeAt = now() + retryDelayMs(failures, failure.retryAfterMs);
    }
    yield context.df.createTimer(new Date(wakeAt));
  }
};
