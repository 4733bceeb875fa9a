import * as df from 'durable-functions';

/** How the pipelines retry activities that talk to storage or the model: 4 attempts, 2 s doubling. */
export function activityRetry(firstIntervalMs = 2000): df.RetryOptions {
  const retry = new df.RetryOptions(firstIntervalMs, 4);
  retry.backoffCoefficient = 2;
  return retry;
}
