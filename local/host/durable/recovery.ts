import { completedIds, completionId } from './completions';
import { EventType, type HistoryEvent } from './history';
import { readHistoryRows, rowSeq } from './history-rows';
import { rowEvents } from './inbox-rows';
import type { Instance } from './instance';
import type { Checkpoint, InstanceRecord, PendingEvent, TimerItem, WorkItem } from './model';
import { pendingKey } from './row-keys';
import type { DurableStore, Op, Row } from './store';

/** What recovery found: an execution that had ended (its parent perhaps not told), or one to resume. */
export type Recovered =
  | { ended: true; notifyParent: boolean }
  | { ended: false; toDispatch: WorkItem[]; toArm: TimerItem[]; highestOrder: number };

/**
 * Rebuilds an unfinished instance from its partition: committed history, pending events, work and timers; drops the
 * rows a crash left beyond the checkpoint. Answers what the engine restarts once every instance is loaded.
 */
export async function recoverInstance(
  store: DurableStore,
  instance: Instance,
  started: (record: InstanceRecord) => HistoryEvent,
): Promise<Recovered> {
  const rows = await store.readPartition(instance.id);
  const checkpoint = rows.find((r) => r.rowKey === 'checkpoint')?.data as Checkpoint | undefined;
  if (checkpoint && checkpoint.executionId !== instance.record.executionId) {
    // Crashed between a continue-as-new checkpoint and the Instances row: the partition is the truth.
    const start = rows.find((r) => r.rowKey === pendingKey(`start-${checkpoint.executionId}`))?.data as
      | PendingEvent
      | undefined;
    instance.record.executionId = checkpoint.executionId;
    if (start) instance.record.input = (start.event.Input as string | null) ?? null;
  }
  const exec = instance.record.executionId;
  const valid = checkpoint?.executionId === exec ? checkpoint : undefined;
  const historyCount = valid?.historyCount ?? 0;
  const orphans: Op[] = [];
  const committed: Row[] = [];
  for (const row of rows) {
    if (row.rowKey.startsWith(`h-${exec}-`)) {
      if (rowSeq(row.rowKey) < historyCount) committed.push(row);
      else orphans.push({ kind: 'delete', rowKey: row.rowKey });
    } else if (row.rowKey.startsWith('h-')) orphans.push({ kind: 'delete', rowKey: row.rowKey });
  }
  const stored = readHistoryRows(committed);
  instance.history = stored.events;
  instance.historyRows = stored.rows;
  instance.nextId = valid?.nextId ?? 0;
  instance.knownActions = valid?.knownActions ?? 0;
  instance.signatures = valid?.signatures ?? [];
  instance.actionIds = valid?.actionIds ?? [];
  for (const [index, signature, id] of stored.actions) {
    instance.signatures[index] = signature;
    if (id !== null) instance.actionIds[index] = id;
  }
  instance.completed = completedIds(instance.history);
  const ended = instance.history.findLast((e) => e.EventType === EventType.ExecutionCompleted);
  if (ended) {
    // Crashed after the final commit but before the Instances row said so: the history is the truth.
    instance.record.status = ended.OrchestrationStatus as InstanceRecord['status'];
    instance.record.output = JSON.parse(String(ended.Result ?? 'null'));
    instance.loaded = true;
    const leftovers = rows
      .filter((r) => /^[pwt]-/.test(r.rowKey))
      .map((r): Op => ({ kind: 'delete', rowKey: r.rowKey }));
    await store.write(instance.id, [...orphans, ...leftovers]);
    await store.putInstance(instance.id, instance.record);
    return { ended: true, notifyParent: Boolean(instance.record.parent && !instance.record.parentNotified) };
  }
  const pending: PendingEvent[] = [];
  const toDispatch: WorkItem[] = [];
  const toArm: TimerItem[] = [];
  const applied = new Set(valid?.appliedKeys ?? []);
  const isApplied = (p: PendingEvent) => {
    if (applied.has(p.key)) return true;
    const id = completionId(p.event);
    return id !== undefined && (p.executionId === exec || !p.executionId) && instance.completed.has(id);
  };
  for (const row of rows) {
    if (!row.rowKey.startsWith('p-')) continue;
    const events = rowEvents(row.data);
    const waiting = events.filter((p) => !isApplied(p));
    if (waiting.length === 0) orphans.push({ kind: 'delete', rowKey: row.rowKey });
    else if (waiting.length < events.length)
      orphans.push({ kind: 'upsert', rowKey: row.rowKey, data: { events: waiting } });
    if (waiting.length > 0) instance.inboxRows.restore(row.rowKey, waiting);
    pending.push(...waiting);
  }
  const pendingKeys = new Set(pending.map((p) => p.key));
  const finished = (work: WorkItem) =>
    instance.completed.has(work.taskId) ||
    pendingKeys.has(`task-${work.executionId}-${work.taskId}`) ||
    pendingKeys.has(`sub-${work.executionId}-${work.taskId}`);
  // Work this execution dispatched and whose completion is neither in history nor pending: run it again.
  for (const work of stored.work) if (work.taskId < instance.nextId && !finished(work)) toDispatch.push(work);
  for (const row of rows) {
    if (row.rowKey.startsWith('w-')) {
      // A work row of an older host (one per work item).
      const work = row.data as WorkItem;
      if (work.executionId !== exec || work.taskId >= instance.nextId || (finished(work) && work.kind !== 'sub'))
        orphans.push({ kind: 'delete', rowKey: row.rowKey });
      else toDispatch.push(work);
    } else if (row.rowKey.startsWith('t-')) {
      const timer = row.data as TimerItem;
      if (timer.executionId !== exec || timer.timerId >= instance.nextId)
        orphans.push({ kind: 'delete', rowKey: row.rowKey });
      else toArm.push(timer);
    }
  }
  if (!valid && pending.length === 0 && instance.history.length === 0) {
    // Crashed between writing the Instances row and the start event.
    const start: PendingEvent = {
      key: `start-${exec}`,
      order: 0,
      executionId: exec,
      event: started(instance.record),
      meta: {},
    };
    orphans.push(...instance.inboxRows.add([start]));
    pending.push(start);
  }
  pending.sort((a, b) => a.order - b.order);
  const highestOrder = Math.max(0, ...pending.map((p) => p.order));
  if (orphans.length > 0) await store.write(instance.id, orphans);
  instance.inbox.push(...pending);
  return { ended: false, toDispatch, toArm, highestOrder };
}
