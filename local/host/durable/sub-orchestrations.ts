import { event, subInstanceId } from './episode';
import { EventType, json, TERMINAL } from './history';
import type { Instance } from './instance';
import type { ParentRef, PendingEvent, WorkItem } from './model';
import type { DurableStore } from './store';

/** What sub-orchestrations need of the engine: its instances, event delivery and starting a child. */
export interface SubOrchestrationHost {
  readonly instances: Map<string, Instance>;
  readonly store: DurableStore;
  deliver(instance: Instance, pending: Omit<PendingEvent, 'order'>): Promise<void>;
  startInstance(name: string, instanceId: string, input: string | null, parent?: ParentRef): Promise<Instance>;
  isOrchestrator(name: string): boolean;
  nowIso(): string;
}

/** Starts the child a parent's episode asked for, or tells the parent why it could not start. */
export async function startSub(host: SubOrchestrationHost, parent: Instance, work: WorkItem): Promise<void> {
  const a = work.action;
  const childId = subInstanceId(a, work.executionId, work.taskId);
  const existing = host.instances.get(childId);
  const ref: ParentRef = {
    instanceId: parent.id,
    executionId: work.executionId,
    taskId: work.taskId,
    name: parent.record.name,
    retry: work.retry,
  };
  const ours =
    existing?.record.parent?.instanceId === parent.id &&
    existing.record.parent.taskId === work.taskId &&
    existing.record.parent.executionId === work.executionId;
  if (ours) return;
  if (existing && !TERMINAL.has(existing.record.status)) {
    return failSub(host, parent, work, `An orchestration with instance id '${childId}' is already running.`);
  }
  if (!host.isOrchestrator(a.functionName ?? '')) {
    return failSub(
      host,
      parent,
      work,
      `The function '${a.functionName}' doesn't exist, is disabled, or is not an orchestrator function.`,
    );
  }
  await host.startInstance(a.functionName ?? '', childId, json(a.input), ref);
}

/** The parent learns that its sub-orchestration could not start. */
function failSub(host: SubOrchestrationHost, parent: Instance, work: WorkItem, reason: string): Promise<void> {
  const failed = event(EventType.SubOrchestrationInstanceFailed, host.nowIso(), {
    TaskScheduledId: work.taskId,
    Reason: reason,
    Details: '',
  });
  return host.deliver(parent, {
    key: `sub-${work.executionId}-${work.taskId}`,
    executionId: work.executionId,
    event: failed,
    meta: work.retry ? { retry: work.retry } : {},
  });
}

/** Tells a finished child's parent its result (once: the child's record says it was told). */
export async function notifyParent(host: SubOrchestrationHost, child: Instance): Promise<void> {
  const ref = child.record.parent!;
  const parent = host.instances.get(ref.instanceId);
  if (parent && !TERMINAL.has(parent.record.status)) {
    const completed = child.record.status === 'Completed';
    const result = completed
      ? event(EventType.SubOrchestrationInstanceCompleted, host.nowIso(), {
          TaskScheduledId: ref.taskId,
          Result: json(child.record.output),
        })
      : event(EventType.SubOrchestrationInstanceFailed, host.nowIso(), {
          TaskScheduledId: ref.taskId,
          Reason: String(child.record.output),
          Details: json({ status: child.record.status }),
        });
    await host.deliver(parent, {
      key: `sub-${ref.executionId}-${ref.taskId}`,
      executionId: ref.executionId,
      event: result,
      meta: ref.retry ? { retry: ref.retry } : {},
    });
  }
  child.record.parentNotified = true;
  await host.store.putInstance(child.id, child.record);
}
