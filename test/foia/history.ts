import type { Status } from '../support/durable';

/** Results of one activity, in the order the orchestrator scheduled them, from the instance's history. */
export function resultsOf(status: Status, activity: string): unknown[] {
  const events = (status.historyEvents ?? []) as {
    EventType: string;
    EventId: number;
    Name?: string;
    TaskScheduledId?: number;
    Result?: unknown;
  }[];
  const scheduled = new Set(
    events.filter((e) => e.EventType === 'TaskScheduled' && e.Name === activity).map((e) => e.EventId),
  );
  return events
    .filter((e) => e.EventType === 'TaskCompleted' && scheduled.has(e.TaskScheduledId!))
    .map((e) => (typeof e.Result === 'string' ? JSON.parse(e.Result) : e.Result));
}
