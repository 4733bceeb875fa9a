import { unconsumedEvents } from './carry-over';
import { event } from './episode';
import { executionStarted, newExecutionId } from './execution-started';
import { type Action, EventType, type HistoryEvent } from './history';
import type { Instance } from './instance';
import type { PendingEvent } from './model';
import { historyKey, timerKey } from './row-keys';
import type { DurableStore, Op } from './store';

/** How an execution that continues as new ended: its last events, the events it consumed, its actions. */
export interface EndedExecution {
  appended: HistoryEvent[];
  consumed: string[];
  /** The next execution's input. */
  input: string | undefined;
  actions: Action[];
}

/**
 * Starts the next execution of an instance in place: the old execution's history and timers are deleted, raised
 * events it never took are carried over right after the new start event.
 */
export async function continueAsNew(
  host: { readonly store: DurableStore; nowIso(): string },
  instance: Instance,
  ending: EndedExecution,
): Promise<void> {
  const { appended, consumed, input, actions } = ending;
  const record = instance.record;
  const oldExec = record.executionId;
  const committedRows = instance.historyRows;
  const untaken = unconsumedEvents([...instance.history, ...appended], actions);
  appended.push(event(EventType.ContinueAsNew, host.nowIso(), { Result: input ?? null }));
  const carried = instance.inbox.filter((p) => p.event.EventType === EventType.EventRaised);
  const dropped = instance.inbox.filter((p) => !carried.includes(p)).map((p) => p.key);
  instance.inbox = carried;
  const staleRows: Op[] = [];
  for (const [timerId] of instance.timers) staleRows.push({ kind: 'delete', rowKey: timerKey(oldExec, timerId) });
  instance.resetExecution(newExecutionId());
  record.input = input ?? null;
  record.status = 'ContinuedAsNew';
  const startedKey = `start-${record.executionId}`;
  const startedEvent: PendingEvent = {
    key: startedKey,
    order: 0,
    executionId: record.executionId,
    event: executionStarted(record, host.nowIso()),
    meta: {},
  };
  // Events this execution received but never took: first in line for the next one, right after its start.
  const leftovers = untaken.map(
    (e, i): PendingEvent => ({
      key: `carried-${record.executionId}-${i}`,
      order: i + 1,
      executionId: '',
      event: { ...e, IsPlayed: false },
      meta: {},
    }),
  );
  instance.inbox.unshift(startedEvent, ...leftovers);
  const oldHistoryRows: Op[] = Array.from(
    { length: committedRows },
    (_, i): Op => ({ kind: 'delete', rowKey: historyKey(oldExec, i) }),
  );
  await host.store.write(instance.id, [
    ...instance.inboxRows.add([startedEvent, ...leftovers]),
    { kind: 'upsert', rowKey: 'checkpoint', data: instance.checkpoint([...consumed, ...dropped], 0) },
  ]);
  await host.store.write(instance.id, instance.inboxRows.remove([...consumed, ...dropped]));
  await host.store.write(instance.id, [...staleRows, ...oldHistoryRows]);
  record.lastUpdatedTime = host.nowIso();
  await host.store.putInstance(instance.id, record);
}
