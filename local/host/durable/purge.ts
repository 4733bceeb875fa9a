import type { Engine } from './engine';
import { TERMINAL } from './history';
import type { Instance } from './instance';

/** What `DELETE .../instances?createdTimeFrom=..&createdTimeTo=..&runtimeStatus=..` selects (as the extension parses it). */
export interface PurgeFilter {
  createdFromMs: number;
  createdToMs: number;
  /** Runtime statuses to purge; none given means every finished status. */
  statuses?: string[];
}

export type PurgeQuery = { ok: true; filter: PurgeFilter } | { ok: false; message: string };

/** The extension's rules: createdTimeFrom is required, createdTimeTo defaults to now, unknown statuses are ignored. */
export function purgeQuery(q: URLSearchParams, nowMs: number): PurgeQuery {
  const from = Date.parse(q.get('createdTimeFrom') ?? '');
  if (Number.isNaN(from)) return { ok: false, message: "Please provide value for 'createdTimeFrom' parameter." };
  const to = Date.parse(q.get('createdTimeTo') ?? '');
  const statuses = q
    .getAll('runtimeStatus')
    .flatMap((s) => s.split(','))
    .map((s) => s.trim())
    .filter(Boolean);
  return {
    ok: true,
    filter: {
      createdFromMs: from,
      createdToMs: Number.isNaN(to) ? nowMs : to,
      statuses: statuses.length ? statuses : undefined,
    },
  };
}

/**
 * Only a finished instance is ever purged, whatever the request asks: a running, pending, suspended or
 * continued-as-new one keeps its history, and so does one still being written (its last episode, or a child whose
 * parent has not heard its result yet), since deleting under those writes would leave half an instance behind.
 */
export function purgeable(instance: Instance): boolean {
  const r = instance.record;
  return TERMINAL.has(r.status) && !instance.busy && !(r.parent && !r.parentNotified);
}

export function matches(instance: Instance, filter: PurgeFilter): boolean {
  const created = Date.parse(instance.record.createdTime);
  return (
    created >= filter.createdFromMs &&
    created <= filter.createdToMs &&
    (!filter.statuses || filter.statuses.includes(instance.record.status))
  );
}

/**
 * Removes the finished instances the filter selects from the task hub: their Instances row, every row of their
 * History partition (all executions, pending events, work items, checkpoint) and their large-message blobs. Nothing
 * outside the task hub is touched, so the audit trail stays as it was. Returns how many were deleted.
 */
export async function purgeInstances(engine: Engine, filter: PurgeFilter): Promise<number> {
  const victims = [...engine.instances.values()].filter((i) => purgeable(i) && matches(i, filter));
  for (const victim of victims) await engine.purge(victim);
  if (victims.length > 0)
    engine.services.log('debug', `Durable: purged ${victims.length} finished instance(s) from the task hub`);
  return victims.length;
}

/** `DELETE .../instances/{id}`: 1 when it was finished and is gone, 0 when it is still running (it stays). */
export async function purgeInstance(engine: Engine, instance: Instance): Promise<number> {
  if (!purgeable(instance)) return 0;
  await engine.purge(instance);
  return 1;
}
