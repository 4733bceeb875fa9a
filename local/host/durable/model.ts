import type { Action, HistoryEvent, RetryOptions } from './history';

export interface RetryState {
  opts: RetryOptions;
  attempt: number;
  kind: 'activity' | 'sub';
  action: Action;
}

/** Host-side bookkeeping an event carries: retries and long timers allocate ids the SDK mirrors (§c step 3). */
export interface EventMeta {
  retry?: RetryState;
  retryTimer?: RetryState;
  long?: { final: string };
}

export interface PendingEvent {
  key: string;
  order: number;
  /** The execution this event belongs to; '' for events addressed to whichever execution is current. */
  executionId: string;
  event: HistoryEvent;
  meta: EventMeta;
  control?: 'terminate' | 'suspend' | 'resume';
}

export interface WorkItem {
  kind: 'activity' | 'sub';
  executionId: string;
  taskId: number;
  action: Action;
  retry?: RetryState;
}

export interface TimerItem {
  executionId: string;
  timerId: number;
  fireAt: string;
  meta: EventMeta;
}

export interface ParentRef {
  instanceId: string;
  executionId: string;
  taskId: number;
  name: string;
  retry?: RetryState;
}

/** The Instances-table row: what status queries and listings read. */
export interface InstanceRecord {
  name: string;
  instanceId: string;
  executionId: string;
  /** Orchestration input as JSON text (null for none). */
  input: string | null;
  parent?: ParentRef;
  parentNotified?: boolean;
  status: 'Pending' | 'Running' | 'Completed' | 'Failed' | 'Terminated' | 'Suspended' | 'ContinuedAsNew' | 'Canceled';
  output: unknown;
  customStatus: unknown;
  createdTime: string;
  lastUpdatedTime: string;
}

export interface Checkpoint {
  executionId: string;
  nextId: number;
  knownActions: number;
  signatures: string[];
  actionIds: number[];
  historyCount: number;
  /** Pending events the last committed episode consumed; their rows are deleted right after the checkpoint. */
  appliedKeys: string[];
}
