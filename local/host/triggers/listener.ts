/** Something that feeds a trigger: started after the app loads, stopped at shutdown (the host bounds the wait). */
export interface TriggerListener {
  readonly description: string;
  start(): Promise<void>;
  /** Takes no new work and waits for running work, for at most `graceMs`. */
  stop(graceMs: number): Promise<void>;
}

/** Randomised exponential back-off between polls of an idle source, as the Functions host does. */
export class PollingBackoff {
  #current: number;
  constructor(
    private readonly minMs: number,
    private readonly maxMs: number,
  ) {
    this.#current = minMs;
  }
  reset(): void {
    this.#current = this.minMs;
  }
  next(): number {
    const wait = this.#current;
    this.#current = Math.min(this.maxMs, this.#current * 2);
    return wait * (0.8 + Math.random() * 0.4);
  }
}

export const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done);
  });
