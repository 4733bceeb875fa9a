import type { AttemptResult } from './attempt';
import type { ModelEndpoint } from './endpoints';
import type { HealthRegistry } from './health-registry';
import type { HedgeBudget } from './hedge-budget';

/** One attempt on one endpoint as the call saw it. */
export interface AttemptRun {
  endpoint: ModelEndpoint;
  /** Started because the attempt before it had not answered within its endpoint's latency SLO. */
  hedge: boolean;
  latencyMs: number;
  result: AttemptResult;
}

type Answer = AttemptRun & { result: Extract<AttemptResult, { kind: 'ok' }> };
type Refusal = AttemptRun & { result: Extract<AttemptResult, { kind: 'blocked-input' | 'blocked-output' | 'fatal' }> };

/** Where routing ended: an answer, a refusal no other endpoint would change, or nothing allowed left to try. */
export type Route =
  | { kind: 'answered'; winner: Answer; runs: AttemptRun[] }
  | { kind: 'refused'; run: Refusal; runs: AttemptRun[] }
  | { kind: 'exhausted'; runs: AttemptRun[]; soonestRetryMs?: number };

export interface RouteDeps {
  health: HealthRegistry;
  budget: HedgeBudget;
  now: () => number;
  /** No new attempt starts after this. */
  deadline: number;
  /** How long an attempt on the endpoint may go unanswered before the next endpoint is asked too. */
  sloMs: (endpoint: ModelEndpoint) => number;
  attempt: (endpoint: ModelEndpoint, signal: AbortSignal) => Promise<AttemptResult>;
}

interface Flight {
  endpoint: ModelEndpoint;
  hedge: boolean;
  startedAt: number;
  /** Whether a hedge was already considered for it (once per attempt). */
  hedged: boolean;
  controller: AbortController;
  done: Promise<{ flight: Flight; run: AttemptRun }>;
}

/**
 * Tries `order` (already filtered by residency, so a hedge can never widen it) one endpoint at a time; when the only
 * attempt in flight passes its endpoint's latency SLO and the hedge budget allows, the next admitted endpoint is
 * asked as well. The first good answer wins and the rest are aborted, so their tokens stop; their runs are kept
 * for the audit record and the bill.
 */
export async function routeCall(order: ModelEndpoint[], deps: RouteDeps): Promise<Route> {
  const runs: AttemptRun[] = [];
  const flights = new Set<Flight>();
  let cursor = 0;
  let soonestRetryMs = Number.POSITIVE_INFINITY;
  const next = (): ModelEndpoint | undefined => {
    if (deps.now() >= deps.deadline) return undefined;
    while (cursor < order.length) {
      const endpoint = order[cursor++]!;
      if (deps.health.admit(endpoint.name)) return endpoint;
    }
    return undefined;
  };
  for (;;) {
    if (flights.size === 0) {
      const endpoint = next();
      if (!endpoint) return { kind: 'exhausted', runs, soonestRetryMs: finite(soonestRetryMs) };
      flights.add(launch(endpoint, false, deps));
    }
    const settled = await firstOf(flights, deps);
    if (settled === 'slo-passed') {
      const hedge = deps.budget.take() ? next() : undefined;
      if (hedge) flights.add(launch(hedge, true, deps));
      continue;
    }
    flights.delete(settled.flight);
    const run = settled.run;
    runs.push(run);
    const { result } = run;
    if (result.kind === 'throttled') {
      // PTU at capacity spills over; pay-as-you-go cools for retry-after. Neither counts against health.
      deps.health.cool(run.endpoint.name, result.retryAfterMs);
      soonestRetryMs = Math.min(soonestRetryMs, result.retryAfterMs);
      continue;
    }
    if (result.kind === 'retry') {
      deps.health.record(run.endpoint.name, { ok: false, latencyMs: run.latencyMs });
      continue;
    }
    if (result.kind === 'aborted') continue;
    if (result.kind === 'ok') deps.health.record(run.endpoint.name, { ok: true, latencyMs: run.latencyMs });
    runs.push(...(await abortAll(flights, deps)));
    return result.kind === 'ok'
      ? { kind: 'answered', winner: run as Answer, runs }
      : { kind: 'refused', run: run as Refusal, runs };
  }
}

function launch(endpoint: ModelEndpoint, hedge: boolean, deps: RouteDeps): Flight {
  const controller = new AbortController();
  const startedAt = deps.now();
  const flight = { endpoint, hedge, startedAt, hedged: false, controller } as Flight;
  flight.done = deps.attempt(endpoint, controller.signal).then((result) => ({
    flight,
    run: { endpoint, hedge, latencyMs: deps.now() - startedAt, result },
  }));
  return flight;
}

/** The first attempt to settle, or `slo-passed` when the only one in flight has gone unanswered past its SLO. */
async function firstOf(
  flights: Set<Flight>,
  deps: RouteDeps,
): Promise<{ flight: Flight; run: AttemptRun } | 'slo-passed'> {
  const racing = [...flights].map((f) => f.done);
  const lone = flights.size === 1 ? [...flights][0]! : undefined;
  if (!lone || lone.hedged) return Promise.race(racing);
  lone.hedged = true;
  let timer: NodeJS.Timeout | undefined;
  const sloPassed = new Promise<'slo-passed'>((resolve) => {
    timer = setTimeout(
      () => resolve('slo-passed'),
      Math.max(0, lone.startedAt + deps.sloMs(lone.endpoint) - deps.now()),
    );
  });
  try {
    return await Promise.race([...racing, sloPassed]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Cancels the attempts still in flight and waits for each to settle: one that had already answered keeps its
 * result (and usage, which is billed); a cut-off one is recorded as slow, at the latency it had reached.
 */
async function abortAll(flights: Set<Flight>, deps: RouteDeps): Promise<AttemptRun[]> {
  for (const flight of flights) flight.controller.abort();
  const losers = await Promise.all([...flights].map(async (f) => (await f.done).run));
  flights.clear();
  for (const run of losers) {
    if (run.result.kind === 'aborted' || run.result.kind === 'ok')
      deps.health.record(run.endpoint.name, { ok: true, latencyMs: run.latencyMs });
    else if (run.result.kind === 'retry')
      deps.health.record(run.endpoint.name, { ok: false, latencyMs: run.latencyMs });
    else if (run.result.kind === 'throttled') deps.health.cool(run.endpoint.name, run.result.retryAfterMs);
  }
  return losers;
}

const finite = (n: number) => (Number.isFinite(n) ? n : undefined);
