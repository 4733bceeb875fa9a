import { EventType, type HistoryEvent } from './history';
import type { EpisodeRecord } from './history-rows';
import type { Instance } from './instance';

/** The task or timer id an event completes, if it completes one. */
export function completionId(e: HistoryEvent): number | undefined {
  if (e.EventType === EventType.TaskCompleted || e.EventType === EventType.TaskFailed) return Number(e.TaskScheduledId);
  if (
    e.EventType === EventType.SubOrchestrationInstanceCompleted ||
    e.EventType === EventType.SubOrchestrationInstanceFailed
  )
    return Number(e.TaskScheduledId);
  if (e.EventType === EventType.TimerFired) return Number(e.TimerId);
  return undefined;
}

export function completedIds(history: HistoryEvent[]): Set<number> {
  const ids = new Set<number>();
  for (const e of history) {
    const id = completionId(e);
    if (id !== undefined) ids.add(id);
  }
  return ids;
}

/** The actions an episode numbered (flattened indices from `from`), as its History rows record them. */
export function numberedActions(instance: Instance, from: number): EpisodeRecord['actions'] {
  const actions: EpisodeRecord['actions'] = [];
  for (let i = from; i < instance.knownActions; i++)
    actions.push([i, instance.signatures[i] ?? '', instance.actionIds[i] ?? null]);
  return actions;
}
