import type { HistoryEvent } from './history';
import { InboxRows } from './inbox-rows';
import type { Checkpoint, InstanceRecord, PendingEvent } from './model';
import { COMPLETION_KEY } from './row-keys';
import type { Op } from './store';

/** One orchestration instance as the engine holds it in memory; the store holds the same, durably. */
export class Instance {
  /** The current execution's committed history: never ahead of storage (an episode appends it after its commit). */
  history: HistoryEvent[] = [];
  /** How many History rows hold it (rows 0 … n−1 of the execution). */
  historyRows = 0;
  nextId = 0;
  knownActions = 0;
  signatures: string[] = [];
  /** The id each flattened action received (-1 for waits and continue-as-new), to disarm cancelled timers. */
  actionIds: number[] = [];
  /** Ids of tasks/timers whose completion is already in history: a duplicate completion is dropped. */
  completed = new Set<number>();
  inbox: PendingEvent[] = [];
  /** Which persisted row holds each pending event. */
  inboxRows = new InboxRows('p-in-');
  /** Events delivered while the previous inbox write was in flight: they share the next rows. */
  outbox: { event: PendingEvent; ops: Op[]; resolve(): void; reject(error: Error): void }[] = [];
  writingInbox = false;
  held: PendingEvent[] = [];
  timers = new Map<number, () => void>();
  busy = false;
  /** True once the current execution's history is in memory (terminal instances load it lazily). */
  loaded = true;

  constructor(public record: InstanceRecord) {}

  get id(): string {
    return this.record.instanceId;
  }

  /**
   * The row that makes an episode count once `historyRows` rows hold the execution's history. Completions are not
   * named in `appliedKeys`: their ids in history already mark them applied.
   */
  checkpoint(appliedKeys: string[], historyRows: number): Checkpoint {
    return {
      appliedKeys: appliedKeys.filter((key) => !COMPLETION_KEY.test(key)),
      executionId: this.record.executionId,
      nextId: this.nextId,
      knownActions: this.knownActions,
      historyCount: historyRows,
    };
  }

  resetExecution(executionId: string): void {
    this.record.executionId = executionId;
    this.history = [];
    this.historyRows = 0;
    this.nextId = 0;
    this.knownActions = 0;
    this.signatures = [];
    this.actionIds = [];
    this.completed = new Set();
    for (const cancel of this.timers.values()) cancel();
    this.timers.clear();
  }
}
