import { type EndpointHealth, freshHealth, type HealthRules, windowStats } from './health';

/** One endpoint's circuit as an operator reads it: state, since when, why, and the window that decided it. */
export interface BreakerStatus {
  endpoint: string;
  region: string;
  state: EndpointHealth['breaker'];
  since: string | null;
  reason: string | null;
  p95LatencyMs: number;
  availability: number;
  samples: number;
  coolingUntil: string | null;
}

const iso = (ms: number | undefined) => (ms ? new Date(ms).toISOString() : null);

/** Every configured endpoint's breaker, from the shared health state (an endpoint never called is closed). */
export function breakerStatus(
  endpoints: { name: string; region: string }[],
  states: Record<string, EndpointHealth>,
  rules: HealthRules,
  now: number,
): BreakerStatus[] {
  return endpoints.map(({ name, region }) => {
    const h = states[name] ?? freshHealth();
    const stats = windowStats(h, rules, now);
    return {
      endpoint: name,
      region,
      state: h.breaker,
      since: iso(h.since),
      reason: h.reason || null,
      p95LatencyMs: stats.p95LatencyMs,
      availability: Math.round(stats.availability * 100_000) / 100_000,
      samples: stats.samples,
      coolingUntil: h.coolUntil > now ? iso(h.coolUntil) : null,
    };
  });
}

/** A breaker that opened or closed: the registry that decided it reports it, once. */
export interface BreakerTransition {
  endpoint: string;
  event: 'breaker-opened' | 'breaker-closed';
  reason: string;
  at: number;
  p95LatencyMs: number;
  availability: number;
}

/** The transition from `before` to `after`, if the circuit opened or closed (half-open is a step, not an event). */
export function transitionOf(
  endpoint: string,
  before: EndpointHealth,
  after: EndpointHealth,
  rules: HealthRules,
  now: number,
): BreakerTransition | undefined {
  if (before.breaker === after.breaker) return undefined;
  if (after.breaker !== 'open' && after.breaker !== 'closed') return undefined;
  const stats = windowStats(after.breaker === 'open' ? after : before, rules, now);
  return {
    endpoint,
    event: after.breaker === 'open' ? 'breaker-opened' : 'breaker-closed',
    reason: after.breaker === 'open' ? after.reason : 'trial call answered within the SLO',
    at: now,
    p95LatencyMs: stats.p95LatencyMs,
    availability: Math.round(stats.availability * 100_000) / 100_000,
  };
}
