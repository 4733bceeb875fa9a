import type { FaultProfile } from '../../local/model/faults';
import { REGIONS } from '../../shared/model/regions';
import { submitStudy } from './inputs';
import { count, driveToCompletion, eventually, type RunStatus, type Summary, SYSTEM_KEY, seconds } from './observe';
import type { ChaosStack } from './stack';

const ZONE = 'europe';
const outsideZone = (endpoint: string) => REGIONS[endpoint.replace(/-ptu$/, '')]?.zone !== ZONE;

async function waitingForRegion(stack: ChaosStack): Promise<number> {
  const r = await fetch(
    `${stack.host.url}/runtime/webhooks/durabletask/instances/?code=${SYSTEM_KEY}&runtimeStatus=Running`,
  );
  const running = (await r.json()) as RunStatus[];
  return running.filter((i) => i.name === 'modelCallOrchestrator' && i.customStatus?.waitingForRegion).length;
}

/**
 * Radiology runs (EU-only here: westeurope first, uksouth as failover) while the local model server misbehaves as
 * `faults` says; every run must be approved and filed, and no prompt may reach a region outside Europe. With
 * `restore`, the runs must first be seen waiting for an allowed region; then the regions return.
 */
async function outage(
  stack: ChaosStack,
  scenario: string,
  faults: Record<string, FaultProfile>,
  runs: number,
  restore = false,
): Promise<Summary> {
  const started = Date.now();
  stack.model.clearRequests();
  for (const [endpoint, profile] of Object.entries(faults)) stack.model.setFault(endpoint, profile);
  const ids = await Promise.all(
    Array.from({ length: runs }, (_, i) => submitStudy(stack, `ACC-${scenario.toUpperCase()}-${i}`)),
  );
  let sawAllWaiting: boolean | undefined;
  let recoverStart = started;
  if (restore) {
    sawAllWaiting = await eventually(async () => (await waitingForRegion(stack)) === runs, 60_000, 500);
    stack.model.clearFaults();
    recoverStart = Date.now();
    // Past the breaker's 3 s open time, then past the 5-minute durable poll the waiting runs sleep on.
    await new Promise((r) => setTimeout(r, 3_500));
    await stack.advanceClock(5 * 60_000);
  }
  const { statuses, approved } = await driveToCompletion(stack, async () => ids, runs, 180_000);
  stack.model.clearFaults();
  const calls = stack.model.requests();
  return {
    scenario,
    runsStarted: runs,
    completed: count(statuses, 'Completed'),
    failed: count(statuses, 'Failed'),
    lost: statuses.filter((s) => !s).length,
    reviewsApproved: approved,
    ...(sawAllWaiting === undefined ? {} : { allWaitedForRegion: sawAllWaiting }),
    modelCalls: calls.length,
    callsByEndpoint: Object.fromEntries(
      [...new Set(calls.map((c) => c.endpoint))].map((e) => [e, calls.filter((c) => c.endpoint === e).length]),
    ),
    unanswered: calls.filter((c) => c.status === 0).length,
    callsOutsideResidency: calls.filter((c) => outsideZone(c.endpoint)).length,
    ...(restore ? { secondsToRecover: seconds(recoverStart) } : {}),
    seconds: seconds(started),
  };
}

export const primaryHang = (stack: ChaosStack, runs = 8) =>
  outage(stack, 'primary-hang', { westeurope: { hang: true } }, runs);

export const primaryErrors = (stack: ChaosStack, runs = 8) =>
  outage(stack, 'primary-500', { westeurope: { errorRate: 1 } }, runs);

export const euThrottleStorm = (stack: ChaosStack, runs = 8) =>
  outage(stack, 'eu-429-storm', { westeurope: { throttleRate: 1, retryAfterMs: 10_000 } }, runs);

export const euDown = (stack: ChaosStack, runs = 5) =>
  outage(stack, 'eu-down', { westeurope: { down: true }, uksouth: { down: true } }, runs, true);
