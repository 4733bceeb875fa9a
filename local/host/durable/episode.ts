import {
  type Action,
  ActionType,
  actionSignature,
  EventType,
  encodeInput,
  flattenActions,
  type HistoryEvent,
  json,
  type OrchestratorState,
  timeSpanToMs,
} from './history';
import { HTTP_ACTIVITY, HTTP_POLL_DEFAULT_MS } from './http-call';
import type { Instance } from './instance';
import type { EventMeta, PendingEvent, RetryState, TimerItem, WorkItem } from './model';

export const SCHEMA = 2;
export const MAX_SHORT_TIMER = '6.00:00:00';
export const LONG_TIMER_INTERVAL = '3.00:00:00';
const OOPROC_MARK = '\n\n$OutOfProcData$:';

export type Outcome =
  | { kind: 'running' }
  | { kind: 'completed'; output: unknown }
  | { kind: 'failed'; message: string }
  | { kind: 'continueAsNew'; input: string | undefined };

export interface EpisodePlan {
  /** History this episode appends (OrchestratorStarted … OrchestratorCompleted). */
  appended: HistoryEvent[];
  work: WorkItem[];
  timers: TimerItem[];
  cancelledTimers: number[];
  outcome: Outcome;
  customStatus?: unknown;
}

export const event = (type: number, timestamp: string, fields: Record<string, unknown> = {}): HistoryEvent => ({
  EventType: type,
  EventId: -1,
  IsPlayed: false,
  Timestamp: timestamp,
  ...fields,
});

/** True when applying this event makes the host allocate ids itself; such an event must end its episode. */
export function allocates(pending: PendingEvent): boolean {
  const type = pending.event.EventType;
  if (pending.meta.retry && (type === EventType.TaskFailed || type === EventType.SubOrchestrationInstanceFailed))
    return true;
  return Boolean(pending.meta.retryTimer || pending.meta.long || pending.meta.httpAccepted || pending.meta.httpPoll);
}

/** The orchestrator trigger payload (devhost-protocol.md §c). */
export function orchestratorPayload(instance: Instance, newEvents: HistoryEvent[]): string {
  const past = instance.history.map((e) => ({ ...e, IsPlayed: true }));
  return JSON.stringify({
    history: [...past, ...newEvents],
    input: instance.record.input == null ? null : JSON.parse(instance.record.input),
    instanceId: instance.id,
    isReplaying: past.length > 0,
    parentInstanceId: instance.record.parent?.instanceId ?? null,
    upperSchemaVersion: SCHEMA,
    upperSchemaVersionNew: SCHEMA,
    longRunningTimerIntervalDuration: LONG_TIMER_INTERVAL,
    maximumShortTimerDuration: MAX_SHORT_TIMER,
    defaultHttpAsyncRequestSleepTimeMillseconds: HTTP_POLL_DEFAULT_MS,
  });
}

/** Reads the orchestrator's answer: its return value, or the state carried in the error message when it threw. */
export function readState(result: { value?: unknown; error?: Error }): OrchestratorState {
  if (!result.error) {
    const value = result.value;
    return (typeof value === 'string' ? JSON.parse(value) : value) as OrchestratorState;
  }
  const message = String(result.error.message);
  const at = message.indexOf(OOPROC_MARK);
  if (at < 0) return { isDone: false, actions: [[]], error: message };
  const state = JSON.parse(message.slice(at + OOPROC_MARK.length)) as OrchestratorState;
  state.error ??= message.slice(0, at);
  return state;
}

/**
 * Turns the orchestrator's cumulative actions into new history and work: numbers new actions exactly as the SDK
 * does (§c), checks replayed actions still match what was scheduled, and makes the host-side allocations that
 * retries and long timers need after the last event.
 */
export function planEpisode(
  instance: Instance,
  state: OrchestratorState,
  lastMeta: EventMeta,
  lastType: number,
  nowMs: number,
): EpisodePlan {
  const now = new Date(nowMs);
  const iso = now.toISOString();
  const plan: EpisodePlan = { appended: [], work: [], timers: [], cancelledTimers: [], outcome: { kind: 'running' } };
  if (state.customStatus !== undefined) plan.customStatus = state.customStatus;
  const exec = instance.record.executionId;
  const flat = flattenActions(state.actions);

  for (let i = 0; i < Math.min(instance.knownActions, flat.length); i++) {
    const expected = instance.signatures[i];
    const actual = actionSignature(flat[i]!);
    if (expected !== undefined && expected !== actual) {
      plan.outcome = {
        kind: 'failed',
        message: `Non-deterministic workflow detected: action ${i} was ${describe(expected)} when first run but is now ${describe(actual)}. Orchestrator code must not change the order or kind of the tasks it schedules between replays.`,
      };
      return plan;
    }
  }
  if (state.error) {
    plan.outcome = { kind: 'failed', message: state.error };
    return plan;
  }

  let continueAsNew: Action | undefined;
  for (let i = instance.knownActions; i < flat.length; i++) {
    const a = flat[i]!;
    instance.signatures[i] = actionSignature(a);
    if (a.actionType === ActionType.WaitForExternalEvent) continue;
    if (a.actionType === ActionType.ContinueAsNew) {
      continueAsNew = a;
      continue;
    }
    const id = instance.nextId++;
    instance.actionIds[i] = id;
    switch (a.actionType) {
      case ActionType.CallActivity:
      case ActionType.CallActivityWithRetry: {
        const retry = a.actionType === ActionType.CallActivityWithRetry ? retryState(a, 'activity') : undefined;
        plan.appended.push(
          event(EventType.TaskScheduled, iso, {
            EventId: id,
            Name: a.functionName,
            Version: '',
            Input: encodeInput(a.input),
          }),
        );
        plan.work.push({ kind: 'activity', executionId: exec, taskId: id, action: a, retry });
        break;
      }
      case ActionType.CallSubOrchestrator:
      case ActionType.CallSubOrchestratorWithRetry: {
        const retry = a.actionType === ActionType.CallSubOrchestratorWithRetry ? retryState(a, 'sub') : undefined;
        plan.appended.push(subCreated(a, exec, id, iso));
        plan.work.push({ kind: 'sub', executionId: exec, taskId: id, action: a, retry });
        break;
      }
      case ActionType.CreateTimer: {
        const fireAt = new Date(a.fireAt ?? iso);
        const long = fireAt.getTime() - nowMs > timeSpanToMs(MAX_SHORT_TIMER);
        const first = long ? new Date(nowMs + timeSpanToMs(LONG_TIMER_INTERVAL)) : fireAt;
        plan.appended.push(event(EventType.TimerCreated, iso, { EventId: id, FireAt: first.toISOString() }));
        if (!a.isCanceled) {
          plan.timers.push({
            executionId: exec,
            timerId: id,
            fireAt: first.toISOString(),
            meta: long ? { long: { final: fireAt.toISOString() } } : {},
          });
        }
        break;
      }
      case ActionType.CallHttp: {
        plan.appended.push(httpScheduled(a, id, iso));
        plan.work.push({ kind: 'http', executionId: exec, taskId: id, action: a, http: a.httpRequest });
        break;
      }
      default:
        plan.outcome = {
          kind: 'failed',
          message: `action type ${a.actionType} (${a.functionName ?? ''}) is not supported by the local host`,
        };
        return plan;
    }
  }
  instance.knownActions = flat.length;
  flat.forEach((a, i) => {
    if (a.actionType !== ActionType.CreateTimer || !a.isCanceled) return;
    const id = instance.actionIds[i];
    if (id !== undefined) plan.cancelledTimers.push(id);
  });

  if (lastMeta.retry && (lastType === EventType.TaskFailed || lastType === EventType.SubOrchestrationInstanceFailed)) {
    const r = lastMeta.retry;
    let delay = r.opts.firstRetryIntervalInMilliseconds * (r.opts.backoffCoefficient ?? 1) ** (r.attempt - 1);
    if (r.opts.maxRetryIntervalInMilliseconds) delay = Math.min(delay, r.opts.maxRetryIntervalInMilliseconds);
    const timerId = instance.nextId++;
    const fireAt = new Date(nowMs + delay).toISOString();
    plan.appended.push(event(EventType.TimerCreated, iso, { EventId: timerId, FireAt: fireAt }));
    plan.timers.push({ executionId: exec, timerId, fireAt, meta: { retryTimer: r } }); // a timer follows every failure, the last too
  } else if (lastMeta.retryTimer && lastMeta.retryTimer.attempt < lastMeta.retryTimer.opts.maxNumberOfAttempts) {
    const r: RetryState = { ...lastMeta.retryTimer, attempt: lastMeta.retryTimer.attempt + 1 };
    const id = instance.nextId++;
    if (r.kind === 'activity') {
      plan.appended.push(
        event(EventType.TaskScheduled, iso, {
          EventId: id,
          Name: r.action.functionName,
          Version: '',
          Input: encodeInput(r.action.input),
        }),
      );
    } else {
      plan.appended.push(subCreated(r.action, exec, id, iso));
    }
    plan.work.push({ kind: r.kind, executionId: exec, taskId: id, action: r.action, retry: r });
  } else if (lastMeta.httpAccepted && lastType === EventType.TaskCompleted) {
    const timerId = instance.nextId++;
    const taskId = instance.nextId++; // the SDK numbers the poll request together with its timer
    const fireAt = new Date(nowMs + lastMeta.httpAccepted.delayMs).toISOString();
    plan.appended.push(event(EventType.TimerCreated, iso, { EventId: timerId, FireAt: fireAt }));
    plan.timers.push({
      executionId: exec,
      timerId,
      fireAt,
      meta: { httpPoll: { request: lastMeta.httpAccepted.poll, taskId } },
    });
  } else if (lastMeta.httpPoll && lastType === EventType.TimerFired) {
    const { request, taskId } = lastMeta.httpPoll;
    const action: Action = { actionType: ActionType.CallHttp, httpRequest: request };
    plan.appended.push(httpScheduled(action, taskId, iso));
    plan.work.push({ kind: 'http', executionId: exec, taskId, action, http: request });
  } else if (lastMeta.long && Date.parse(lastMeta.long.final) > nowMs) {
    const id = instance.nextId++;
    const final = Date.parse(lastMeta.long.final);
    const next = final - nowMs > timeSpanToMs(MAX_SHORT_TIMER) ? nowMs + timeSpanToMs(LONG_TIMER_INTERVAL) : final;
    const fireAt = new Date(next).toISOString();
    plan.appended.push(event(EventType.TimerCreated, iso, { EventId: id, FireAt: fireAt }));
    plan.timers.push({ executionId: exec, timerId: id, fireAt, meta: { long: lastMeta.long } });
  }

  if (continueAsNew) plan.outcome = { kind: 'continueAsNew', input: encodeInput(continueAsNew.input) };
  else if (state.isDone) plan.outcome = { kind: 'completed', output: state.output };
  return plan;
}

function retryState(a: Action, kind: 'activity' | 'sub'): RetryState {
  return { opts: a.retryOptions!, attempt: 1, kind, action: a };
}

export function subInstanceId(a: Action, executionId: string, id: number): string {
  return a.instanceId || `${executionId}:${id}`;
}

function subCreated(a: Action, exec: string, id: number, iso: string): HistoryEvent {
  return event(EventType.SubOrchestrationInstanceCreated, iso, {
    EventId: id,
    Name: a.functionName,
    Version: '',
    InstanceId: subInstanceId(a, exec, id),
    Input: json(a.input),
  });
}

function httpScheduled(a: Action, id: number, iso: string): HistoryEvent {
  return event(EventType.TaskScheduled, iso, {
    EventId: id,
    Name: HTTP_ACTIVITY,
    Version: '',
    Input: json(a.httpRequest),
  });
}

function describe(signature: string): string {
  const at = signature.indexOf(':');
  const [type, name] = [signature.slice(0, at), signature.slice(at + 1)];
  const kind = Object.entries(ActionType).find(([, v]) => String(v) === type)?.[0] ?? `action ${type}`;
  return name ? `${kind}(${name})` : kind;
}
