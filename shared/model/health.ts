/**
 * Endpoint health from probes and real calls. An endpoint leaves rotation when the p95 latency of its recent window
 * passes 500 ms or its availability drops under 99.9% (circuit open); after a cool-down one trial call is let
 * through (half-open) and its outcome closes or re-opens the circuit. 429 `retry-after` cools an endpoint without
 * counting against it.
 */
export interface Outcome {
  at: number;
  ok: boolean;
  latencyMs: number;
}

export interface EndpointHealth {
  window: Outcome[];
  breaker: 'closed' | 'open' | 'half-open';
  openedAt: number;
  coolUntil: number;
  /** Half-open: when the trial call was handed out (only one at a time). */
  trialAt: number;
  reason: string;
  /** When the breaker last changed state (0: never). */
  since?: number;
  updatedAt: number;
}

export interface HealthRules {
  windowSize: number;
  windowMs: number;
  maxP95Ms: number;
  minAvailability: number;
  openMs: number;
  /** Outcomes needed before latency/availability can open the circuit (a single slow call is not a trend). */
  minSamples: number;
}

export const DEFAULT_HEALTH_RULES: HealthRules = {
  windowSize: 100,
  windowMs: 60_000,
  maxP95Ms: 500,
  minAvailability: 0.999,
  openMs: 30_000,
  minSamples: 3,
};

export const freshHealth = (): EndpointHealth => ({
  window: [],
  breaker: 'closed',
  openedAt: 0,
  coolUntil: 0,
  trialAt: 0,
  reason: '',
  since: 0,
  updatedAt: 0,
});

export function p95(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(0.95 * sorted.length) - 1)]!;
}

export function windowStats(h: EndpointHealth, rules: HealthRules, now: number) {
  const recent = h.window.filter((o) => now - o.at <= rules.windowMs);
  const ok = recent.filter((o) => o.ok).length;
  return {
    samples: recent.length,
    availability: recent.length === 0 ? 1 : ok / recent.length,
    p95LatencyMs: p95(recent.map((o) => o.latencyMs)),
  };
}

/** Records an outcome and moves the breaker; returns the updated state (pure). */
export function recordOutcome(h: EndpointHealth, outcome: Outcome, rules: HealthRules): EndpointHealth {
  const next: EndpointHealth = { ...h, window: [...h.window, outcome].slice(-rules.windowSize), updatedAt: outcome.at };
  if (h.breaker === 'half-open') {
    if (outcome.ok && outcome.latencyMs <= rules.maxP95Ms)
      return { ...next, breaker: 'closed', window: [outcome], reason: '', trialAt: 0, since: outcome.at };
    return {
      ...next,
      breaker: 'open',
      openedAt: outcome.at,
      since: outcome.at,
      trialAt: 0,
      reason: outcome.ok ? `trial call took ${outcome.latencyMs} ms` : 'trial call failed',
    };
  }
  if (h.breaker === 'open') return next;
  const stats = windowStats(next, rules, outcome.at);
  if (!outcome.ok && stats.availability < rules.minAvailability) {
    return {
      ...next,
      breaker: 'open',
      openedAt: outcome.at,
      since: outcome.at,
      reason: `availability ${(stats.availability * 100).toFixed(2)} percent under ${rules.minAvailability * 100} percent`,
    };
  }
  if (stats.samples >= rules.minSamples && stats.p95LatencyMs > rules.maxP95Ms) {
    return {
      ...next,
      breaker: 'open',
      openedAt: outcome.at,
      since: outcome.at,
      reason: `p95 latency ${stats.p95LatencyMs} ms over ${rules.maxP95Ms} ms`,
    };
  }
  return next;
}

/** Whether a call may go to the endpoint now; a half-open endpoint admits one trial call. */
export function admit(h: EndpointHealth, rules: HealthRules, now: number): { ok: boolean; state: EndpointHealth } {
  if (now < h.coolUntil) return { ok: false, state: h };
  if (h.breaker === 'closed') return { ok: true, state: h };
  if (h.breaker === 'open' && now - h.openedAt >= rules.openMs)
    return { ok: true, state: { ...h, breaker: 'half-open', trialAt: now, since: now } };
  if (h.breaker === 'half-open' && now - h.trialAt >= rules.openMs) return { ok: true, state: { ...h, trialAt: now } };
  return { ok: false, state: h };
}

/** When `admit` will next let a call through: the end of a cool-down, or when the circuit offers its trial. */
export function readmitAt(h: EndpointHealth, rules: HealthRules): number {
  const breaker =
    h.breaker === 'open' ? h.openedAt + rules.openMs : h.breaker === 'half-open' ? h.trialAt + rules.openMs : 0;
  return Math.max(h.coolUntil, breaker);
}

export function cool(h: EndpointHealth, until: number, now: number): EndpointHealth {
  return { ...h, coolUntil: Math.max(h.coolUntil, until), updatedAt: now };
}
