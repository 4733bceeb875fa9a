/**
 * The time the local host lives by. Wall-clock by default; in test mode (ENCLAVE_TEST_CLOCK=1, never on Azure)
 * time only moves when a test advances it, so a 24-hour review deadline or a 5 AM timer fires in milliseconds.
 * Every component that waits for a moment (durable timers, timer triggers) schedules through `at`.
 */
export interface Clock {
  readonly mode: 'wall' | 'test';
  now(): number;
  /** Runs `fn` once when the clock reaches `atMs`; returns a cancel function. */
  at(atMs: number, fn: () => void): () => void;
  /** Test mode only: moves time forward and runs everything now due, in time order. */
  advance(ms: number): Promise<void>;
  /** Test mode only: jumps to an absolute time (never backwards). */
  set(atMs: number): Promise<void>;
}

const MAX_TIMEOUT = 2 ** 31 - 1;

export function wallClock(): Clock {
  return {
    mode: 'wall',
    now: () => Date.now(),
    at(atMs, fn) {
      let handle: NodeJS.Timeout;
      let cancelled = false;
      const arm = () => {
        const wait = atMs - Date.now();
        handle = wait <= 0 ? setTimeout(() => !cancelled && fn(), 0) : setTimeout(arm, Math.min(wait, MAX_TIMEOUT));
      };
      arm();
      return () => {
        cancelled = true;
        clearTimeout(handle);
      };
    },
    async advance() {
      throw new Error('the clock is wall-clock time; start the host with ENCLAVE_TEST_CLOCK=1 to move it');
    },
    async set() {
      throw new Error('the clock is wall-clock time; start the host with ENCLAVE_TEST_CLOCK=1 to move it');
    },
  };
}

interface Waiter {
  atMs: number;
  seq: number;
  fn: () => void;
}

export function testClock(startMs: number = Date.now()): Clock {
  let current = startMs;
  let seq = 0;
  const waiters = new Set<Waiter>();
  const runDue = async () => {
    for (;;) {
      const due = [...waiters].filter((w) => w.atMs <= current).sort((a, b) => a.atMs - b.atMs || a.seq - b.seq);
      if (due.length === 0) return;
      for (const w of due) {
        waiters.delete(w);
        w.fn();
      }
      await new Promise((r) => setImmediate(r));
    }
  };
  const clock: Clock = {
    mode: 'test',
    now: () => current,
    at(atMs, fn) {
      const waiter = { atMs, seq: seq++, fn };
      waiters.add(waiter);
      if (atMs <= current) setImmediate(() => void runDue());
      return () => void waiters.delete(waiter);
    },
    async advance(ms) {
      if (ms < 0) throw new RangeError('the test clock never moves backwards');
      current += ms;
      await runDue();
    },
    async set(atMs) {
      if (atMs < current) throw new RangeError('the test clock never moves backwards');
      current = atMs;
      await runDue();
    },
  };
  return clock;
}
