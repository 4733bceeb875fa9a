import type { OrchestrationContext, OrchestrationHandler } from 'durable-functions';
import { activityRetry } from '../retry-policy';

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
 * `callModel` for pipelines: transient failures retry with back-off; when no region the residency policy allows is
 * available, the run waits on durable timers (never widening the policy) until one returns or the wait runs out.
 */
export const modelCallOrchestrator: OrchestrationHandler = function* (context: OrchestrationContext) {
  const input = context.df.getInput() as ResilientModelCall;
  const giveUpAt = context.df.currentUtcDateTime.getTime() + (input.waitForRegionMs ?? 60 * MINUTE);
  for (let waits = 0; ; waits++) {
    try {
      return yield context.df.callActivityWithRetry(CALL_MODEL, activityRetry(), input.request);
    } catch (error) {
      const message = (error as Error).message;
      if (!/residency policy/.test(message) || context.df.currentUtcDateTime.getTime() >= giveUpAt) throw error;
      context.df.setCustomStatus({ waitingForRegion: true, waits: waits + 1, policy: input.request.residency });
      yield context.df.createTimer(
        new Date(Math.min(giveUpAt, context.df.currentUtcDateTime.getTime() + (input.pollMs ?? 5 * MINUTE))),
      );
    }
  }
};
