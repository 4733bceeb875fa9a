import { randomUUID } from 'node:crypto';
import { event } from './episode';
import { EventType, type HistoryEvent } from './history';
import type { InstanceRecord } from './model';

export const newExecutionId = () => randomUUID().replace(/-/g, '');

/** The first event of an execution: its name, input, ids and the parent that started it, if any. */
export function executionStarted(record: InstanceRecord, nowIso: string): HistoryEvent {
  return event(EventType.ExecutionStarted, nowIso, {
    Name: record.name,
    Version: '',
    Input: record.input,
    OrchestrationInstance: { InstanceId: record.instanceId, ExecutionId: record.executionId },
    ParentInstance: record.parent
      ? {
          Name: record.parent.name,
          OrchestrationInstance: { InstanceId: record.parent.instanceId },
          TaskScheduleId: record.parent.taskId,
        }
      : null,
  });
}
