import { fromTypedData } from '../runtime/typed-data';
import { continuesAsNew } from './carry-over';
import type { DurableHostServices } from './contract';
import { event, orchestratorPayload, readState } from './episode';
import { EventType, type HistoryEvent, type OrchestratorState } from './history';
import type { Instance } from './instance';
import type { PendingEvent } from './model';

type Services = Pick<DurableHostServices, 'invoke' | 'clock'>;

/** One orchestrator run: the pending events it was given as new, and what it answered. Commits nothing. */
export interface Replay {
  taken: PendingEvent[];
  newEvents: HistoryEvent[];
  nowMs: number;
  state: OrchestratorState;
}

/** Runs the orchestrator over its history plus `taken` as this episode's new events. */
export async function runReplay(services: Services, instance: Instance, taken: PendingEvent[]): Promise<Replay> {
  const nowMs = Math.max(
    services.clock.now(),
    ...taken.map((p) => (typeof p.event.FireAt === 'string' ? Date.parse(p.event.FireAt) : 0)),
  );
  const started = event(EventType.OrchestratorStarted, new Date(nowMs).toISOString());
  const newEvents = [started, ...taken.map((p) => ({ ...p.event, IsPlayed: false }))];
  let result: { value?: unknown; error?: Error };
  try {
    const response = await services.invoke(instance.record.name, {
      string: orchestratorPayload(instance, newEvents),
    });
    result = { value: fromTypedData(response.returnValue) };
  } catch (error) {
    result = { error: error as Error };
  }
  return { taken, newEvents, nowMs, state: readState(result) };
}

/**
 * The shortest prefix of `live` after which the orchestrator continues as new, found by bisection (replays are
 * deterministic): exactly the events the SDK read before it stopped.
 */
export async function shortestContinuing(
  services: Services,
  instance: Instance,
  live: PendingEvent[],
  whole: Replay,
): Promise<Replay> {
  let best = whole;
  let lo = 1;
  while (lo < best.taken.length) {
    const mid = Math.floor((lo + best.taken.length) / 2);
    const attempt = await runReplay(services, instance, live.slice(0, mid));
    if (continuesAsNew(attempt.state)) best = attempt;
    else lo = mid + 1;
  }
  return best;
}
