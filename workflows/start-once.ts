import * as df from 'durable-functions';

type RuntimeStatus = df.OrchestrationRuntimeStatus | `${df.OrchestrationRuntimeStatus}`;

/**
 * The one start-once rule of every pipeline: a run id stays taken while its run exists, unless it Failed or was
 * Terminated — those start again under the same id (their side effects are write-once, so a rerun is safe).
 */
export function runStartsAgain(status: RuntimeStatus | undefined): boolean {
  return (
    status === undefined ||
    status === df.OrchestrationRuntimeStatus.Failed ||
    status === df.OrchestrationRuntimeStatus.Terminated
  );
}

/** Whether `instanceId` names a run that a new trigger must not start again (see `runStartsAgain`). */
export async function runTaken(client: df.DurableClient, instanceId: string): Promise<boolean> {
  const existing = await client.getStatus(instanceId).catch(() => undefined);
  return !runStartsAgain(existing?.runtimeStatus);
}
