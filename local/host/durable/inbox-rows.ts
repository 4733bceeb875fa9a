import { chunkBySize } from './history-rows';
import type { PendingEvent } from './model';
import type { Op } from './store';

/**
 * Pending events are persisted a few rows at a time, not a row each (see history-rows.ts for why): events delivered
 * while the previous write was in flight share the next rows. The engine remembers which row holds which event; once
 * an episode's checkpoint is written, a row whose events are all applied is deleted, one partly applied is rewritten
 * with the rest.
 */
export class InboxRows {
  readonly #rows = new Map<string, PendingEvent[]>();
  readonly #rowOf = new Map<string, string>();
  #next = 0;

  constructor(readonly prefix: string) {}

  /** Registers rows read back at recovery (with their events not yet applied). */
  restore(rowKey: string, events: PendingEvent[]): void {
    this.#rows.set(rowKey, events);
    for (const e of events) this.#rowOf.set(e.key, rowKey);
    if (rowKey.startsWith(this.prefix)) this.#next = Math.max(this.#next, Number(rowKey.slice(this.prefix.length)) + 1);
  }

  /** Upserts that persist `events` as new rows (registered at once: the write must succeed before they are used). */
  add(events: PendingEvent[]): Op[] {
    return chunkBySize(events).map((chunk): Op => {
      const rowKey = `${this.prefix}${String(this.#next++).padStart(8, '0')}`;
      this.restore(rowKey, chunk);
      return { kind: 'upsert', rowKey, data: { events: chunk } };
    });
  }

  /** Ops that drop `keys` from their rows: deletes of emptied rows, rewrites of the others. Unknown keys are ignored. */
  remove(keys: Iterable<string>): Op[] {
    const touched = new Set<string>();
    for (const key of keys) {
      const rowKey = this.#rowOf.get(key);
      if (rowKey === undefined) continue;
      this.#rowOf.delete(key);
      const row = this.#rows.get(rowKey)!;
      const at = row.findIndex((e) => e.key === key);
      if (at >= 0) row.splice(at, 1);
      touched.add(rowKey);
    }
    const ops: Op[] = [];
    for (const rowKey of touched) {
      const rest = this.#rows.get(rowKey)!;
      if (rest.length === 0) {
        this.#rows.delete(rowKey);
        ops.push({ kind: 'delete', rowKey });
      } else ops.push({ kind: 'upsert', rowKey, data: { events: rest } });
    }
    return ops;
  }

  clear(): void {
    this.#rows.clear();
    this.#rowOf.clear();
  }
}

/** The events a p- row holds (a row of an older host holds one event). */
export function rowEvents(data: unknown): PendingEvent[] {
  const row = data as { events?: PendingEvent[] } & Partial<PendingEvent>;
  return Array.isArray(row.events) && row.key === undefined ? row.events : [row as PendingEvent];
}
