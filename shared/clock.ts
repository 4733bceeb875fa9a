const APP_CLOCK = Symbol.for('enclave.appClock');

type ClockSource = () => number;
const slot = globalThis as typeof globalThis & { [APP_CLOCK]?: ClockSource };

/**
 * The time app code compares with orchestration time (review-link expiry, run cutoffs). Wall-clock, except on the
 * local host in test mode, which installs its test clock here so a link issued at durable time is checked at
 * durable time too. Nothing installs a source on Azure.
 */
export function now(): number {
  return slot[APP_CLOCK]?.() ?? Date.now();
}

/** Used by the local host only: makes `now()` follow `source`; returns the function that removes it again. */
export function installClockSource(source: ClockSource): () => void {
  slot[APP_CLOCK] = source;
  return () => {
    if (slot[APP_CLOCK] === source) delete slot[APP_CLOCK];
  };
}

/** The time an activity stamps on what it writes: its dependencies' `now` when a test gives one, else the wall clock. */
export const stampTime = (deps: { now?: () => number }) => (): string =>
  new Date((deps.now ?? Date.now)()).toISOString();
