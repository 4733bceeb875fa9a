import { type BreakerTransition, transitionOf } from './breaker-status';
import {
  admit,
  cool,
  DEFAULT_HEALTH_RULES,
  type EndpointHealth,
  freshHealth,
  type HealthRules,
  type Outcome,
  readmitAt,
  recordOutcome,
} from './health';
import type { HealthStore } from './health-store';

/**
 * Health of all endpoints for this process, read from the shared store through a short cache and written through
 * on every change; when both changed, the newer state of an endpoint wins.
 */
export class HealthRegistry {
  #states: Record<string, EndpointHealth> = {};
  #loadedAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly store: HealthStore,
    readonly rules: HealthRules = DEFAULT_HEALTH_RULES,
    private readonly now: () => number = Date.now,
    private readonly cacheMs = 1_000,
    /** Told of each circuit this registry opens or closes (the gateway audits it). */
    private readonly onTransition?: (transition: BreakerTransition) => void,
  ) {}

  async refresh(): Promise<void> {
    if (this.now() - this.#loadedAt < this.cacheMs) return;
    this.#loadedAt = this.now();
    const shared = await this.store.load();
    for (const [name, state] of Object.entries(shared)) {
      const mine = this.#states[name];
      if (!mine || state.updatedAt > mine.updatedAt) this.#states[name] = state;
    }
  }

  get(endpoint: string): EndpointHealth {
    return this.#states[endpoint] ?? freshHealth();
  }

  snapshot(): Record<string, EndpointHealth> {
    return { ...this.#states };
  }

  /** Takes the admission decision (and the half-open trial slot) for one call. */
  admit(endpoint: string): boolean {
    const decision = admit(this.get(endpoint), this.rules, this.now());
    if (decision.state !== this.get(endpoint)) this.#set(endpoint, decision.state);
    return decision.ok;
  }

  /** Milliseconds until the endpoint takes calls again (0 when it does now). */
  readmitInMs(endpoint: string): number {
    return Math.max(0, readmitAt(this.get(endpoint), this.rules) - this.now());
  }

  record(endpoint: string, outcome: Omit<Outcome, 'at'>): void {
    this.#set(endpoint, recordOutcome(this.get(endpoint), { ...outcome, at: this.now() }, this.rules));
  }

  cool(endpoint: string, ms: number): void {
    this.#set(endpoint, cool(this.get(endpoint), this.now() + ms, this.now()));
  }

  #set(endpoint: string, state: EndpointHealth): void {
    const before = this.get(endpoint);
    this.#states[endpoint] = { ...state, updatedAt: Math.max(state.updatedAt, this.now()) };
    // Only the registry whose call moved the circuit reports it; others see the new state through refresh().
    const transition = transitionOf(endpoint, before, state, this.rules, this.now());
    if (transition) this.onTransition?.(transition);
    void this.store.save(endpoint, this.#states[endpoint]!).catch(() => {});
  }
}
