import type { Clock } from '../clock';
import { fromTypedData } from '../runtime/typed-data';
import type { DurableHostServices } from './contract';
import { event } from './episode';
import { EventType, encodeInput, type HistoryEvent, json } from './history';
import { HTTP_ACTIVITY, pollAfter, sendDurableHttp } from './http-call';
import type { EventMeta, WorkItem } from './model';

/** A finished task: the event for the orchestrator's history and the bookkeeping it carries (§c step 3). */
export interface TaskOutcome {
  completion: HistoryEvent;
  meta: EventMeta;
}

const nowIso = (clock: Clock) => new Date(clock.now()).toISOString();

function taskFailed(clock: Clock, taskId: number, name: string, e: Error): HistoryEvent {
  return event(EventType.TaskFailed, nowIso(clock), {
    TaskScheduledId: taskId,
    Reason: `Activity function '${name}' failed: ${e.message}`,
    Details: JSON.stringify({ message: e.message, stack: e.stack }),
  });
}

/** Runs an activity once (§d): its return value as the TaskCompleted result, a throw as TaskFailed. */
export async function invokeActivityTask(
  services: Pick<DurableHostServices, 'invoke' | 'clock' | 'durableFunctions'>,
  work: WorkItem,
): Promise<TaskOutcome> {
  const name = work.action.functionName ?? '';
  const meta = work.retry ? { retry: work.retry } : {};
  try {
    const known = services
      .durableFunctions()
      .some((f) => f.name === name && f.triggerType.toLowerCase() === 'activitytrigger');
    if (!known) throw new Error(`The function '${name}' doesn't exist, is disabled, or is not an activity function.`);
    const input = encodeInput(work.action.input);
    const response = await services.invoke(name, input === undefined ? {} : { string: input });
    let value = fromTypedData(response.returnValue);
    if (Buffer.isBuffer(value)) value = value.toString('base64');
    const completion = event(EventType.TaskCompleted, nowIso(services.clock), {
      TaskScheduledId: work.taskId,
      Result: json(value),
    });
    return { completion, meta };
  } catch (error) {
    return { completion: taskFailed(services.clock, work.taskId, name, error as Error), meta };
  }
}

/** Sends a callHttp request once, as the extension's built-in HTTP activity does. */
export async function sendHttpTask(work: WorkItem, clock: Clock): Promise<TaskOutcome> {
  const request = work.http!;
  try {
    const response = await sendDurableHttp(request);
    const completion = event(EventType.TaskCompleted, nowIso(clock), {
      TaskScheduledId: work.taskId,
      Result: json(response),
    });
    return { completion, meta: pollAfter(request, response) };
  } catch (error) {
    return { completion: taskFailed(clock, work.taskId, HTTP_ACTIVITY, error as Error), meta: {} };
  }
}
