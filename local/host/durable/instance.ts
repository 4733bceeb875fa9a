import type { HistoryEvent } from './history';
import type { Checkpoint, InstanceRecord, PendingEvent } from './model';

/** One orchestration instance as the engine holds it in memory; the store holds the same, durably. */
export class Instance {
  history: HistoryEvent[] = [];
  nextId = 0;
  knownActions = 0;
  signatures: string[] = [];
  /** The id each flattened action received (-1 for waits and continue-as-new), to disarm cancelled timers. */
  actionIds: number[] = [];
  /** Ids of tasks/timers whose completion is already in history: a duplicate completion is dropped. */
  completed = new Set<number>();
  inbox: PendingEvent[] = [];
  held: PendingEvent[] = [];
  timers = new Map<number, () => void>();
  busy = false;
  /** True once the current execution's history is in memory (terminal instances load it lazily). */
  loaded = true;

  constructor(public record: InstanceRecord) {}

  get id(): string {
    return this.record.instanceId;
  }

  checkpoint(appliedKeys: string[] = []): Checkpoint {
    return {
      appliedKeys,
      executionId: this.record.executionId,
      nextId: this.nextId,
      knownActions: this.knownActions,
      signatures: this.signatures,
      actionIds: this.actionIds,
      historyCount: this.history.length,
    };
  }

  resetExecution(executionId: string): void {
    this.record.executionId = executionId;
    this.history = [];
    this.nextId = 0;
    this.knownActions = 0;
    this.signatures = [];
    this.actionIds = [];
    this.completed = new Set();
    for (const cancel of this.timers.values()) cancel();
    this.timers.clear();
  }
}

export const historyKey = (executionId: string, seq: number) => `h-${executionId}-${String(seq).padStart(8, '0')}`;
export const workKey = (executionId: string, taskId: number) => `w-${executionId}-${taskId}`;
export const timerKey = (executionId: string, timerId: number) => `t-${executionId}-${timerId}`;
export const pendingKey = (key: string) => `p-${key}`;
