import type { Action, HistoryEvent, RetryOptions } from './history';
import type { DurableHttpRequest } from './http-request';

export interface RetryState {
  opts: RetryOptions;
  attempt: number;
  kind: 'activity' | 'sub';
  action: Action;
}

/** Host-side bookkeeping an event carries: retries, long timers and HTTP polls allocate ids the SDK mirrors (§c step 3). */
export interface EventMeta {
  retry?: RetryState;
  retryTimer?: RetryState;
  long?: { final: string };
  /** A callHttp answered 202 with a Location: a timer, then `poll`. */
  httpAccepted?: { poll: DurableHttpRequest; delayMs: number };
  /** That timer: when it fires, `request` is sent as task `taskId` (both ids taken at the 202). */
  httpPoll?: { request: DurableHttpRequest; taskId: number };
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
  kind: 'activity' | 'sub' | 'http';
  executionId: string;
  taskId: number;
  action: Action;
  retry?: RetryState;
  /** For `http`: the request to send (the action's, or a 202 poll). */
  http?: DurableHttpRequest;
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
  /** Older hosts kept these here; now each episode's History rows hold the actions it numbered. */
  signatures?: string[];
  actionIds?: number[];
  /** Committed History rows of the execution (rows 0 … n−1); rows beyond were cut by a crash. */
  historyCount: number;
  /** Pending events the last committed episode consumed; their rows are deleted right after the checkpoint. */
  appliedKeys: string[];
}
