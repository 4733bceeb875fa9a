import type { DurableHttpRequest } from './http-request';

/** History event and action codes of the Durable protocol (devhost-protocol.md §c). */
export const EventType = {
  ExecutionStarted: 0,
  ExecutionCompleted: 1,
  ExecutionTerminated: 3,
  TaskScheduled: 4,
  TaskCompleted: 5,
  TaskFailed: 6,
  SubOrchestrationInstanceCreated: 7,
  SubOrchestrationInstanceCompleted: 8,
  SubOrchestrationInstanceFailed: 9,
  TimerCreated: 10,
  TimerFired: 11,
  OrchestratorStarted: 12,
  OrchestratorCompleted: 13,
  EventRaised: 15,
  ContinueAsNew: 16,
  ExecutionSuspended: 19,
  ExecutionResumed: 20,
} as const;

export const EventName: Record<number, string> = Object.fromEntries(Object.entries(EventType).map(([k, v]) => [v, k]));

export const ActionType = {
  CallActivity: 0,
  CallActivityWithRetry: 1,
  CallSubOrchestrator: 2,
  CallSubOrchestratorWithRetry: 3,
  ContinueAsNew: 4,
  CreateTimer: 5,
  WaitForExternalEvent: 6,
  CallEntity: 7,
  CallHttp: 8,
  SignalEntity: 9,
  WhenAny: 11,
  WhenAll: 12,
} as const;

export interface HistoryEvent {
  EventType: number;
  EventId: number;
  IsPlayed: boolean;
  Timestamp: string;
  [field: string]: unknown;
}

export interface RetryOptions {
  firstRetryIntervalInMilliseconds: number;
  maxNumberOfAttempts: number;
  backoffCoefficient?: number;
  maxRetryIntervalInMilliseconds?: number;
  retryTimeoutInMilliseconds?: number;
}

export interface Action {
  actionType: number;
  functionName?: string;
  input?: unknown;
  instanceId?: string;
  retryOptions?: RetryOptions;
  fireAt?: string;
  isCanceled?: boolean;
  externalEventName?: string;
  compoundActions?: Action[];
  httpRequest?: DurableHttpRequest;
}

export interface OrchestratorState {
  isDone: boolean;
  actions: Action[][];
  output?: unknown;
  error?: string;
  customStatus?: unknown;
}

export const TERMINAL = new Set(['Completed', 'Failed', 'Terminated', 'Canceled']);

export const json = (value: unknown) => JSON.stringify(value === undefined ? null : value);

/** Strings arrive pre-encoded as JSON text for activities and continue-as-new; other values raw. */
export const encodeInput = (value: unknown) =>
  value === undefined ? undefined : typeof value === 'string' ? value : JSON.stringify(value);

export function flattenActions(actions: Action[][] | undefined): Action[] {
  const out: Action[] = [];
  const walk = (a: Action) => {
    if (a.actionType === ActionType.WhenAll || a.actionType === ActionType.WhenAny)
      for (const c of a.compoundActions ?? []) walk(c);
    else out.push(a);
  };
  for (const group of actions ?? []) for (const a of group) walk(a);
  return out;
}

/** What a replayed action must still be: its kind and target. A mismatch is a non-deterministic orchestrator. */
export function actionSignature(a: Action): string {
  const http = a.httpRequest ? `${a.httpRequest.method} ${a.httpRequest.uri}` : undefined;
  return `${a.actionType}:${a.functionName ?? a.externalEventName ?? http ?? ''}`;
}

/** .NET TimeSpan text → milliseconds. */
export function timeSpanToMs(text: string): number {
  const m = /^(?:(\d+)\.)?(\d+):(\d+):(\d+(?:\.\d+)?)$/.exec(text);
  if (!m) throw new Error(`not a TimeSpan: ${text}`);
  return (((Number(m[1] ?? 0) * 24 + Number(m[2])) * 60 + Number(m[3])) * 60 + Number(m[4])) * 1000;
}
