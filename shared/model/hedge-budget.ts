export interface HedgeBudgetRules {
  /** Hedges allowed per 100 calls over the sliding window. */
  percent: number;
  /** Hedges always allowed per window, so a quiet gateway can still hedge its first slow calls. */
  minPerWindow: number;
  windowMs: number;
}

export const DEFAULT_HEDGE_BUDGET: HedgeBudgetRules = { percent: 5, minPerWindow: 3, windowMs: 60_000 };

/**
 * How many extra calls hedging may make: at most `percent` of the calls over a sliding minute (plus a small floor),
 * so a slow region cannot double the bill. One budget per gateway process, like the clients.
 */
export class HedgeBudget {
  readonly #calls: number[] = [];
  readonly #hedges: number[] = [];

  constructor(
    readonly rules: HedgeBudgetRules = DEFAULT_HEDGE_BUDGET,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one gateway call towards the window. */
  call(): void {
    this.#calls.push(this.now());
  }

  /** Takes one hedge from the budget; false when the window has none left. */
  take(): boolean {
    const now = this.now();
    trim(this.#calls, now - this.rules.windowMs);
    trim(this.#hedges, now - this.rules.windowMs);
    const allowed = Math.max(this.rules.minPerWindow, Math.floor((this.#calls.length * this.rules.percent) / 100));
    if (this.#hedges.length >= allowed) return false;
    this.#hedges.push(now);
    return true;
  }

  /** Calls and hedges in the current window. */
  usage(): { calls: number; hedges: number } {
    const now = this.now();
    trim(this.#calls, now - this.rules.windowMs);
    trim(this.#hedges, now - this.rules.windowMs);
    return { calls: this.#calls.length, hedges: this.#hedges.length };
  }
}

function trim(times: number[], before: number): void {
  let stale = 0;
  while (stale < times.length && times[stale]! <= before) stale++;
  if (stale > 0) times.splice(0, stale);
}
