import { MODEL_CALL_OUTCOME_VERSION, type ModelCallFailure, type ModelCallOutcome } from '../shared/model/call-failure';

/**
 * Orchestrator side (pure): the failure a `callModel` outcome carries, or none when it succeeded. An activity that
 * threw (the host lost the worker, a crash before the gateway answered) is a transient host fault; a payload of
 * another version is refused rather than guessed at.
 */
export function failureOfOutcome(outcome: ModelCallOutcome | { thrown: unknown }): ModelCallFailure | undefined {
  if ('thrown' in outcome) {
    const message = outcome.thrown instanceof Error ? outcome.thrown.message : String(outcome.thrown);
    return { retryable: true, errorName: 'Error', message };
  }
  if (outcome.v !== MODEL_CALL_OUTCOME_VERSION)
    return {
      retryable: false,
      errorName: 'ModelCallOutcomeVersionError',
      message: `callModel answered outcome version ${String(outcome.v)}; this orchestrator reads version ${MODEL_CALL_OUTCOME_VERSION}`,
    };
  return outcome.ok ? undefined : outcome.failure;
}

/** The error a run fails with once it stops retrying: the gateway's class and message, intact. */
export function failedCall(failure: ModelCallFailure): Error {
  const error = new Error(`${failure.errorName}: ${failure.message}`);
  error.name = failure.errorName;
  return error;
}
