import {
  MODEL_CALL_OUTCOME_VERSION,
  type ModelCallFailure,
  type ModelCallOutcome,
  modelCallOutcomeSchema,
} from '../shared/model/call-failure';

/**
 * The text form callModel used before its outcome payload: an activity error whose message carried the intent,
 * `[non-retryable ContentBlockedError] …`, `[retryable after 2000 ms ModelUnavailableError] …`. Histories recorded
 * then still replay, so a thrown activity's message is read for it.
 */
const TEXT_INTENT = /\[(retryable|non-retryable)(?: after (\d+) ms)? ([A-Za-z_]\w*)\]/;

function failureOfThrown(thrown: unknown): ModelCallFailure {
  const message = thrown instanceof Error ? thrown.message : String(thrown);
  const marked = TEXT_INTENT.exec(message);
  // No intent at all: the host lost the worker or crashed before the gateway answered, a transient fault.
  if (!marked) return { retryable: true, errorName: 'Error', message };
  return {
    retryable: marked[1] === 'retryable',
    ...(marked[2] === undefined ? {} : { retryAfterMs: Number(marked[2]) }),
    errorName: marked[3]!,
    message,
  };
}

/**
 * Orchestrator side (pure): the failure a `callModel` outcome carries, or none when it succeeded. A payload of
 * another version, or one that does not parse, is refused rather than guessed at.
 */
export function failureOfOutcome(outcome: ModelCallOutcome | { thrown: unknown }): ModelCallFailure | undefined {
  if ('thrown' in outcome) return failureOfThrown(outcome.thrown);
  if (outcome.v !== MODEL_CALL_OUTCOME_VERSION)
    return {
      retryable: false,
      errorName: 'ModelCallOutcomeVersionError',
      message: `callModel answered outcome version ${String(outcome.v)}; this orchestrator reads version ${MODEL_CALL_OUTCOME_VERSION}`,
    };
  const parsed = modelCallOutcomeSchema.safeParse(outcome);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      retryable: false,
      errorName: 'ModelCallOutcomeShapeError',
      message: `callModel's outcome (version ${MODEL_CALL_OUTCOME_VERSION}) is malformed at ${issue?.path.join('.') || '(root)'}: ${issue?.message}`,
    };
  }
  return parsed.data.ok ? undefined : parsed.data.failure;
}

/** The error a run fails with once it stops retrying: the gateway's class and message, intact. */
export function failedCall(failure: ModelCallFailure): Error {
  const error = new Error(`${failure.errorName}: ${failure.message}`);
  error.name = failure.errorName;
  return error;
}
