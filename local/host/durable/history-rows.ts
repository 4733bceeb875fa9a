import type { HistoryEvent } from './history';
import type { WorkItem } from './model';
import { historyKey } from './row-keys';
import type { Op, Row } from './store';

/**
 * Azurite's table store finds a row by scanning every row of its partition, so a partition that grows with a fan-in
 * (one row per history event, per work item, per completion) made each write cost O(n) and the fan-in O(n²). An
 * episode therefore writes its history, the work it dispatched and the actions it numbered as a few rows of up to
 * ROW_CHARS each (the Azure Storage provider writes a row per event; the History table is this host's private format).
 */
export const ROW_CHARS = 28_000;

/** One History row: part of what one episode appended. Rows of an older host (a bare event each) still read. */
export interface HistoryRow {
  events?: HistoryEvent[];
  /** Activities, HTTP calls and sub-orchestrations this episode dispatched: recovery re-dispatches the unfinished. */
  work?: WorkItem[];
  /** Flattened actions this episode numbered: [index, signature, id or null for waits and continue-as-new]. */
  actions?: [number, string, number | null][];
}

export interface EpisodeRecord {
  events: HistoryEvent[];
  work: WorkItem[];
  actions: [number, string, number | null][];
}

/** Splits items into groups whose JSON stays under `limit` characters (one item larger than that stands alone). */
export function chunkBySize<T>(items: T[], limit = ROW_CHARS): T[][] {
  const chunks: T[][] = [];
  let current: T[] = [];
  let size = 0;
  for (const item of items) {
    const length = JSON.stringify(item).length + 1;
    if (current.length > 0 && size + length > limit) {
      chunks.push(current);
      current = [];
      size = 0;
    }
    current.push(item);
    size += length;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

/** Upserts of the rows holding one episode, numbered from `firstRow`. Always at least one row. */
export function episodeRows(executionId: string, firstRow: number, episode: EpisodeRecord): Op[] {
  type Item = ['e', HistoryEvent] | ['w', WorkItem] | ['a', [number, string, number | null]];
  const items: Item[] = [
    ...episode.events.map((e): Item => ['e', e]),
    ...episode.work.map((w): Item => ['w', w]),
    ...episode.actions.map((a): Item => ['a', a]),
  ];
  const chunks = chunkBySize(items);
  if (chunks.length === 0) chunks.push([]);
  return chunks.map((chunk, i): Op => {
    const events = chunk.filter((item) => item[0] === 'e').map((item) => item[1] as HistoryEvent);
    const work = chunk.filter((item) => item[0] === 'w').map((item) => item[1] as WorkItem);
    const actions = chunk.filter((item) => item[0] === 'a').map((item) => item[1] as [number, string, number | null]);
    const row: HistoryRow = {};
    if (events.length > 0) row.events = events;
    if (work.length > 0) row.work = work;
    if (actions.length > 0) row.actions = actions;
    return { kind: 'upsert', rowKey: historyKey(executionId, firstRow + i), data: row };
  });
}

/** The row number a history row key ends with. */
export const rowSeq = (rowKey: string) => Number(rowKey.slice(-8));

function asRow(data: unknown): HistoryRow {
  const row = data as HistoryRow & Partial<HistoryEvent>;
  if (typeof row.EventType === 'number') return { events: [row as HistoryEvent] };
  return row;
}

/** What committed rows (one execution's, any order) hold: its history in order, its work, its numbered actions. */
export function readHistoryRows(rows: Row[]): EpisodeRecord & { rows: number } {
  const sorted = [...rows].sort((a, b) => rowSeq(a.rowKey) - rowSeq(b.rowKey));
  const record: EpisodeRecord & { rows: number } = { events: [], work: [], actions: [], rows: sorted.length };
  for (const { data } of sorted) {
    const row = asRow(data);
    if (row.events) for (const e of row.events) record.events.push(e);
    if (row.work) for (const w of row.work) record.work.push(w);
    if (row.actions) for (const a of row.actions) record.actions.push(a);
  }
  return record;
}
