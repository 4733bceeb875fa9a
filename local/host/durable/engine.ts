import { randomUUID } from 'node:crypto';
import { settlesWithin } from '../settles-within';
import { continuesAsNew } from './carry-over';
import { clientBindingData } from './client-binding';
import { completionId, numberedActions } from './completions';
import { continueAsNew } from './continue-as-new';
import type { DurableEngine, DurableHostServices } from './contract';
import { allocates, event, planEpisode } from './episode';
import { executionStarted, newExecutionId } from './execution-started';
import { EventType, flattenActions, type HistoryEvent, json, TERMINAL } from './history';
import { type EpisodeRecord, episodeRows, readHistoryRows } from './history-rows';
import { Instance } from './instance';
import type { InstanceRecord, ParentRef, PendingEvent, TimerItem, WorkItem } from './model';
import { recoverInstance } from './recovery';
import { runReplay, shortestContinuing } from './replay';
import { timerKey } from './row-keys';
import { Semaphore } from './semaphore';
import { DurableStore, type Op } from './store';
import { notifyParent, startSub } from './sub-orchestrations';
import { invokeActivityTask, sendHttpTask } from './tasks';

/**
 * Every event waiting for an instance shares one episode (as the extension applies a batch of control-queue messages
 * in one episode): a replay of the whole history per batch, not per event. The cap bounds one replay's new events.
 */
const MAX_EVENTS_PER_EPISODE = 1000;

/**
 * The Durable engine of the local host: replays orchestrators through the real `durable-functions` library, runs
 * activities, timers and sub-orchestrations, and persists every step on Azure Storage so a killed host resumes
 * where it stopped. Activities are at least once; a completed step is applied exactly once.
 */
export class Engine implements Omit<DurableEngine, 'handleHttp'> {
  readonly store: DurableStore;
  readonly instances = new Map<string, Instance>();
  readonly #activities: Semaphore;
  readonly #orchestrators: Semaphore;
  #order = 0;
  #stopping = false;
  #running = new Set<Promise<unknown>>();
  #markLoaded!: (error?: Error) => void;
  /** Settles once every instance is rebuilt from storage; the management API waits for it. */
  readonly #loaded = new Promise<void>((resolve, reject) => {
    this.#markLoaded = (error) => (error ? reject(error) : resolve());
  });

  constructor(readonly services: DurableHostServices) {
    this.store = new DurableStore(services.storageConnectionString, services.hubName);
    this.#activities = new Semaphore(Number(services.options.maxConcurrentActivityFunctions ?? 32));
    this.#orchestrators = new Semaphore(Number(services.options.maxConcurrentOrchestratorFunctions ?? 32));
    this.#loaded.catch(() => undefined);
  }

  get clock() {
    return this.services.clock;
  }

  /** The host clock's time as history records it. */
  nowIso(): string {
    return new Date(this.clock.now()).toISOString();
  }

  clientBindingData(): string {
    return JSON.stringify(clientBindingData(this.services));
  }

  /** Resolves once persisted instances are loaded (the management API answers only then). */
  ready(): Promise<void> {
    return this.#loaded;
  }

  isOrchestrator(name: string): boolean {
    return this.services
      .durableFunctions()
      .some((f) => f.name === name && f.triggerType.toLowerCase() === 'orchestrationtrigger');
  }

  // ---- lifecycle -------------------------------------------------------------------------------------------------

  async start(): Promise<void> {
    try {
      await this.store.init();
      const records: InstanceRecord[] = [];
      for await (const record of this.store.allInstances()) records.push(record as InstanceRecord);
      for (const record of records) {
        const instance = new Instance(record);
        this.instances.set(record.instanceId, instance);
        if (TERMINAL.has(record.status)) instance.loaded = false;
      }
      // Nothing runs until every instance is loaded: an event reaching an instance not yet loaded (a child's result,
      // an API call) would replay it from an empty history and overwrite its checkpoint and first history rows.
      const resumes: (() => void)[] = [];
      for (const record of records) {
        const instance = this.instances.get(record.instanceId)!;
        if (!TERMINAL.has(record.status)) resumes.push(await this.#recover(instance));
        else if (record.parent && !record.parentNotified) resumes.push(() => this.#track(notifyParent(this, instance)));
      }
      this.#markLoaded();
      this.services.log('debug', `Durable: ${records.length} instance(s) loaded, ${resumes.length} resumed`);
      for (const resume of resumes) resume();
    } catch (error) {
      this.#markLoaded(error as Error);
      throw error;
    }
  }

  async stop(graceMs: number): Promise<void> {
    this.#stopping = true;
    for (const instance of this.instances.values()) for (const cancel of instance.timers.values()) cancel();
    await settlesWithin(Promise.allSettled([...this.#running]), graceMs);
  }

  #track<T>(work: Promise<T>): void {
    this.#running.add(work);
    work
      .catch((error: Error) => this.services.log('error', `durable: ${error.stack ?? error.message}`))
      .finally(() => this.#running.delete(work));
  }

  /**
   * Rebuilds an unfinished instance from its partition (recovery.ts). Returns what restarts it (work, timers, the
   * next episode, a parent's notification), to be called once all are loaded.
   */
  async #recover(instance: Instance): Promise<() => void> {
    const recovered = await recoverInstance(this.store, instance, (record) => executionStarted(record, this.nowIso()));
    if (recovered.ended)
      return () => {
        if (recovered.notifyParent) this.#track(notifyParent(this, instance));
      };
    this.#order = Math.max(this.#order, recovered.highestOrder);
    return () => {
      for (const work of recovered.toDispatch) this.#dispatchWork(instance, work);
      for (const timer of recovered.toArm) this.#armTimer(instance, timer);
      this.#kick(instance);
    };
  }

  // ---- inbound events ----------------------------------------------------------------------------------------------

  /** Persists an event for an instance, then queues it in memory; `ops` are applied in the same transaction. */
  async deliver(instance: Instance, pending: Omit<PendingEvent, 'order'>, ops: Op[] = []): Promise<void> {
    const full: PendingEvent = { ...pending, order: this.clock.now() * 1000 + (++this.#order % 1000) };
    await new Promise<void>((resolve, reject) => {
      instance.outbox.push({ event: full, ops, resolve, reject });
      this.#writeInbox(instance);
    });
    if (full.control) instance.inbox.unshift(full);
    else instance.inbox.push(full);
    this.#kick(instance);
  }

  /** Persists delivered events: those that arrive while a write is in flight go together in the next one. */
  #writeInbox(instance: Instance): void {
    if (instance.writingInbox || instance.outbox.length === 0) return;
    instance.writingInbox = true;
    const taken = instance.outbox.splice(0);
    const events = taken.map((t) => t.event);
    const rows = instance.inboxRows.add(events);
    this.store
      .write(instance.id, [...rows, ...taken.flatMap((t) => t.ops)])
      .then(
        () => {
          for (const t of taken) t.resolve();
        },
        (error: Error) => {
          instance.inboxRows.remove(events.map((e) => e.key));
          for (const t of taken) t.reject(error);
        },
      )
      .finally(() => {
        instance.writingInbox = false;
        this.#writeInbox(instance);
      });
  }

  async startInstance(name: string, instanceId: string, input: string | null, parent?: ParentRef): Promise<Instance> {
    const now = this.nowIso();
    const record: InstanceRecord = {
      name,
      instanceId,
      executionId: newExecutionId(),
      input,
      parent,
      status: 'Pending',
      output: null,
      customStatus: null,
      createdTime: now,
      lastUpdatedTime: now,
    };
    const previous = this.instances.get(instanceId);
    if (previous) for (const cancel of previous.timers.values()) cancel();
    const instance = new Instance(record);
    this.instances.set(instanceId, instance);
    if (previous) await this.store.deletePartition(instanceId);
    await this.store.putInstance(instanceId, record);
    await this.deliver(instance, {
      key: `start-${record.executionId}`,
      executionId: record.executionId,
      event: executionStarted(record, this.nowIso()),
      meta: {},
    });
    return instance;
  }

  async raiseEvent(instance: Instance, name: string, input: string | null): Promise<void> {
    await this.deliver(instance, {
      key: `event-${randomUUID()}`,
      executionId: '',
      event: event(EventType.EventRaised, this.nowIso(), { Name: name, Input: input }),
      meta: {},
    });
  }

  async control(instance: Instance, kind: 'terminate' | 'suspend' | 'resume', reason: string | null): Promise<void> {
    const type = {
      terminate: EventType.ExecutionTerminated,
      suspend: EventType.ExecutionSuspended,
      resume: EventType.ExecutionResumed,
    }[kind];
    await this.deliver(instance, {
      key: `${kind}-${randomUUID()}`,
      executionId: '',
      event: event(type, this.nowIso(), { Input: json(reason), Reason: reason }),
      meta: {},
      control: kind,
    });
  }

  async purge(instance: Instance): Promise<void> {
    for (const cancel of instance.timers.values()) cancel();
    this.instances.delete(instance.id);
    await this.store.deletePartition(instance.id);
    await this.store.deleteInstance(instance.id);
  }

  /** History of a finished instance, loaded on demand for `showHistory`. */
  async historyOf(instance: Instance): Promise<HistoryEvent[]> {
    if (!instance.loaded) {
      const exec = instance.record.executionId;
      const rows = (await this.store.readPartition(instance.id)).filter((r) => r.rowKey.startsWith(`h-${exec}-`));
      const stored = readHistoryRows(rows);
      instance.history = stored.events;
      instance.historyRows = stored.rows;
      instance.loaded = true;
    }
    return instance.history;
  }

  // ---- episodes --------------------------------------------------------------------------------------------------

  #kick(instance: Instance): void {
    if (instance.busy || instance.inbox.length === 0 || this.#stopping) return;
    instance.busy = true;
    const run = this.#orchestrators
      .run(() => this.#episode(instance))
      .catch((error: Error) =>
        this.services.log('error', `durable: episode of ${instance.id} failed: ${error.stack ?? error.message}`),
      )
      .finally(() => {
        instance.busy = false;
        this.#kick(instance);
      });
    this.#track(run);
  }

  /** Takes the next events that can share one episode: at most one host-side allocation, and it comes last. */
  #takeBatch(instance: Instance): PendingEvent[] {
    const inbox = instance.inbox;
    let end = 1;
    if (!inbox[0]!.control && !allocates(inbox[0]!)) {
      while (end < inbox.length && end < MAX_EVENTS_PER_EPISODE) {
        const next = inbox[end]!;
        if (next.control) break;
        end++;
        if (allocates(next)) break;
      }
    }
    return inbox.splice(0, end);
  }

  async #episode(instance: Instance): Promise<void> {
    const record = instance.record;
    const batch = this.#takeBatch(instance);
    const consumed = batch.map((p) => p.key);
    if (TERMINAL.has(record.status)) return this.#forget(instance, consumed);
    const control = batch[0]!.control;
    if (control) return this.#applyControl(instance, batch[0]!, consumed);
    if (record.status === 'Suspended') {
      instance.held.push(...batch);
      return;
    }
    const seen = new Set<number>();
    const live = batch.filter((p) => {
      if (!this.#isLive(instance, p)) return false;
      const id = completionId(p.event);
      if (id === undefined) return true;
      if (seen.has(id)) return false; // the same completion twice in one batch (an activity re-run after a crash)
      seen.add(id);
      return true;
    });
    if (live.length === 0) return this.#forget(instance, consumed);

    let replay = await runReplay(this.services, instance, live);
    if (live.length > 1 && continuesAsNew(replay.state)) {
      // The SDK stops reading history once it continues as new: what follows belongs to the next execution.
      replay = await shortestContinuing(this.services, instance, live, replay);
      const unread = live.slice(replay.taken.length);
      const unreadKeys = new Set(unread.map((p) => p.key));
      instance.inbox.unshift(...unread);
      consumed.splice(0, consumed.length, ...consumed.filter((key) => !unreadKeys.has(key)));
    }
    const { taken, newEvents, nowMs, state } = replay;
    const last = taken[taken.length - 1]!;
    const knownBefore = instance.knownActions;
    const plan = planEpisode(instance, state, last.meta, last.event.EventType, nowMs);
    const numbered = numberedActions(instance, knownBefore);
    if (plan.customStatus !== undefined) record.customStatus = plan.customStatus;
    const appended = [...newEvents, ...plan.appended];
    for (const p of taken) {
      const id = completionId(p.event);
      if (id !== undefined) instance.completed.add(id);
    }
    if (record.status === 'Pending') record.status = 'Running';

    const ops: Op[] = [];
    for (const timerId of plan.cancelledTimers) {
      instance.timers.get(timerId)?.();
      instance.timers.delete(timerId);
      ops.push({ kind: 'delete', rowKey: timerKey(record.executionId, timerId) });
    }
    for (const t of plan.timers) ops.push({ kind: 'upsert', rowKey: timerKey(t.executionId, t.timerId), data: t });

    const outcome = plan.outcome;
    if (outcome.kind === 'failed') {
      return this.#finish(
        instance,
        appended,
        ops,
        consumed,
        'Failed',
        `Orchestrator function '${record.name}' failed: ${outcome.message}`,
        numbered,
      );
    }
    if (outcome.kind === 'completed')
      return this.#finish(instance, appended, ops, consumed, 'Completed', outcome.output ?? null, numbered);
    if (outcome.kind === 'continueAsNew')
      return continueAsNew(this, instance, {
        appended,
        consumed,
        input: outcome.input,
        actions: flattenActions(state.actions),
      });

    appended.push(event(EventType.OrchestratorCompleted, new Date(nowMs).toISOString()));
    await this.#commit(instance, { events: appended, work: plan.work, actions: numbered }, ops, consumed);
    for (const w of plan.work) this.#dispatchWork(instance, w);
    for (const t of plan.timers) this.#armTimer(instance, t);
  }

  /**
   * Drops events for an older execution, completions already applied (a re-run activity after a crash) and
   * completions of ids this execution never allocated: those come from a history that no longer exists, and applying
   * one would park it in the SDK and mark the id completed, so the real completion of that id would later be dropped.
   */
  #isLive(instance: Instance, p: PendingEvent): boolean {
    if (p.executionId && p.executionId !== instance.record.executionId) return false;
    const id = completionId(p.event);
    return id === undefined || (id < instance.nextId && !instance.completed.has(id));
  }

  /**
   * Appends history, work and timers, then the checkpoint, which alone makes the episode count: an episode larger than
   * one transaction (100 rows) may be cut by a crash, and recovery drops whatever lies beyond the checkpoint. The
   * consumed events are deleted only after it; the checkpoint names them so recovery never applies them twice.
   */
  async #commit(instance: Instance, episode: EpisodeRecord, ops: Op[], consumed: string[]): Promise<void> {
    const historyOps = episodeRows(instance.record.executionId, instance.historyRows, episode);
    const rows = instance.historyRows + historyOps.length;
    instance.record.lastUpdatedTime = this.nowIso();
    await this.store.write(instance.id, [
      ...historyOps,
      ...ops,
      { kind: 'upsert', rowKey: 'checkpoint', data: instance.checkpoint(consumed, rows) },
    ]);
    // Only now: the history in memory is never ahead of the history in storage.
    for (const e of episode.events) instance.history.push(e);
    instance.historyRows = rows;
    await this.#forget(instance, consumed);
    await this.store.putInstance(instance.id, instance.record);
  }

  #forget(instance: Instance, keys: string[]): Promise<void> {
    return this.store.write(instance.id, instance.inboxRows.remove(keys));
  }

  async #applyControl(instance: Instance, p: PendingEvent, consumed: string[]): Promise<void> {
    const record = instance.record;
    const started = event(EventType.OrchestratorStarted, this.nowIso());
    const appended = [started, p.event];
    if (p.control === 'terminate') {
      const reason = p.event.Reason ?? null;
      return this.#finish(instance, appended, [], consumed, 'Terminated', reason);
    }
    if (p.control === 'suspend') record.status = 'Suspended';
    else {
      record.status = 'Running';
      instance.inbox.unshift(...instance.held.splice(0));
    }
    appended.push(event(EventType.OrchestratorCompleted, this.nowIso()));
    await this.#commit(instance, { events: appended, work: [], actions: [] }, [], consumed);
  }

  async #finish(
    instance: Instance,
    appended: HistoryEvent[],
    ops: Op[],
    consumed: string[],
    status: InstanceRecord['status'],
    output: unknown,
    actions: EpisodeRecord['actions'] = [],
  ): Promise<void> {
    const record = instance.record;
    record.status = status;
    record.output = output === undefined ? null : output;
    for (const cancel of instance.timers.values()) cancel();
    instance.timers.clear();
    appended.push(
      event(EventType.OrchestratorCompleted, this.nowIso()),
      event(EventType.ExecutionCompleted, this.nowIso(), { OrchestrationStatus: status, Result: json(record.output) }),
    );
    const leftovers = instance.inbox.splice(0).map((p) => p.key);
    await this.#commit(instance, { events: appended, work: [], actions }, ops, [...consumed, ...leftovers]);
    if (record.parent) await notifyParent(this, instance);
  }

  // ---- work --------------------------------------------------------------------------------------------------------

  #dispatchWork(instance: Instance, work: WorkItem): void {
    if (work.kind === 'sub') this.#track(startSub(this, instance, work));
    else this.#track(this.#runTask(instance, work));
  }

  /** An activity, or a callHttp (the extension runs those as its built-in HTTP activity). */
  async #runTask(instance: Instance, work: WorkItem): Promise<void> {
    if (this.#stopping) return;
    // The concurrency slot covers the call only; persisting the result must not hold it.
    const { completion, meta } = await this.#activities.run(() =>
      work.kind === 'http' ? sendHttpTask(work, this.clock) : invokeActivityTask(this.services, work),
    );
    if (this.#stopping) return;
    await this.deliver(instance, {
      key: `task-${work.executionId}-${work.taskId}`,
      executionId: work.executionId,
      event: completion,
      meta,
    });
  }

  #armTimer(instance: Instance, timer: TimerItem): void {
    const cancel = this.clock.at(Date.parse(timer.fireAt), () => {
      instance.timers.delete(timer.timerId);
      if (this.#stopping || instance.record.executionId !== timer.executionId) return;
      const fired = event(EventType.TimerFired, this.nowIso(), { TimerId: timer.timerId, FireAt: timer.fireAt });
      this.#track(
        this.deliver(
          instance,
          {
            key: `timer-${timer.executionId}-${timer.timerId}`,
            executionId: timer.executionId,
            event: fired,
            meta: timer.meta,
          },
          [{ kind: 'delete', rowKey: timerKey(timer.executionId, timer.timerId) }],
        ),
      );
    });
    instance.timers.set(timer.timerId, cancel);
  }
}
