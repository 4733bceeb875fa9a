import {
  type Action,
  ActionType,
  EventType,
  flattenActions,
  type HistoryEvent,
  type OrchestratorState,
} from './history';

/**
 * The EventRaised events of an execution that no `waitForExternalEvent` took. The SDK pairs events with waits by
 * name, first come first served, so per name every event beyond the number of waits was never seen by user code;
 * continue-as-new hands these to the next execution (what .NET calls preserveUnprocessedEvents).
 */
export function unconsumedEvents(history: HistoryEvent[], actions: Action[]): HistoryEvent[] {
  const waits = new Map<string, number>();
  for (const a of actions) {
    if (a.actionType !== ActionType.WaitForExternalEvent) continue;
    const name = String(a.externalEventName);
    waits.set(name, (waits.get(name) ?? 0) + 1);
  }
  const seen = new Map<string, number>();
  return history.filter((e) => {
    if (e.EventType !== EventType.EventRaised) return false;
    const name = String(e.Name);
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    return n > (waits.get(name) ?? 0);
  });
}

/** True when the orchestrator asked to continue as new (and did not fail). */
export function continuesAsNew(state: OrchestratorState): boolean {
  return !state.error && flattenActions(state.actions).some((a) => a.actionType === ActionType.ContinueAsNew);
}
