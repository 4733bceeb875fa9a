import { TableClient } from '@azure/data-tables';
import type { Notification } from '../../shared/review/notifier';
import { readOutbox } from '../../shared/review/notifier';
import { submitReview } from '../support/review-form';
import type { ChaosStack } from './stack';

export const SYSTEM_KEY = 'local-durable-system-key';
/** The chaos host runs with the local defaults: the function key for submissions, the master key for operators. */
export const FUNCTION_KEY = { 'x-functions-key': 'local-function-key' };
export const MASTER_KEY = { 'x-functions-key': 'local-master-key' };
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface Summary {
  scenario: string;
  [metric: string]: unknown;
}

export interface RunStatus {
  instanceId: string;
  name: string;
  runtimeStatus: string;
  customStatus: { stage?: string; waitingForRegion?: boolean } | null;
  output: unknown;
}

const management = (stack: ChaosStack, path: string) =>
  `${stack.host.url}/runtime/webhooks/durabletask/${path}${path.includes('?') ? '&' : '?'}code=${SYSTEM_KEY}`;

/** One instance's status; undefined when it does not exist or the host is down. */
export async function status(stack: ChaosStack, id: string): Promise<RunStatus | undefined> {
  const r = await fetch(management(stack, `instances/${encodeURIComponent(id)}`)).catch(() => undefined);
  // As on Azure, the status of a running or pending instance comes with 202, a finished one with 200.
  if (!r || (r.status !== 200 && r.status !== 202)) return undefined;
  return (await r.json()) as RunStatus;
}

/** Every instance whose id starts with `prefix` (sub-orchestrations, whose ids carry a colon, left out). */
export async function instancesWithPrefix(stack: ChaosStack, prefix: string): Promise<RunStatus[]> {
  const r = await fetch(management(stack, `instances/?instanceIdPrefix=${encodeURIComponent(prefix)}`)).catch(
    () => undefined,
  );
  if (r?.status !== 200) return [];
  return ((await r.json()) as RunStatus[]).filter((i) => !i.instanceId.includes(':'));
}

export async function outbox(stack: ChaosStack): Promise<Notification[]> {
  const table = TableClient.fromConnectionString(stack.azurite.connectionString, 'reviewoutbox', {
    allowInsecureConnection: true,
  });
  return readOutbox(table).catch(() => []);
}

const approve = async (url: string) => (await submitReview(url, { decision: 'approve' })).status;

/**
 * Approves every review the runs ask for until all of them are Completed (or the time runs out); `ids` is asked
 * again each round, so runs discovered late (FOIA ids come from the document hash) are included.
 */
export async function driveToCompletion(
  stack: ChaosStack,
  ids: () => Promise<string[]>,
  expected: number,
  timeoutMs: number,
): Promise<{ ids: string[]; statuses: (RunStatus | undefined)[]; approved: number }> {
  const deadline = Date.now() + timeoutMs;
  const decided = new Set<string>();
  let approved = 0;
  for (;;) {
    const current = await ids();
    for (const n of await outbox(stack)) {
      if (n.kind !== 'review-requested' || !n.url || decided.has(n.url)) continue;
      if (!current.some((id) => n.instanceId.startsWith(id))) continue;
      const code = await approve(n.url).catch(() => 0);
      if (code === 200) approved++;
      if (code === 200 || code === 410) decided.add(n.url);
    }
    const statuses = await Promise.all(current.map((id) => status(stack, id)));
    const done = statuses.filter((s) => s?.runtimeStatus === 'Completed').length;
    if ((done === expected && current.length === expected) || Date.now() > deadline)
      return { ids: current, statuses, approved };
    await sleep(500);
  }
}

export const count = (statuses: (RunStatus | undefined)[], runtimeStatus: string) =>
  statuses.filter((s) => s?.runtimeStatus === runtimeStatus).length;

/** Waits until `ready` answers true or the time runs out; answers whether it did. */
export async function eventually(ready: () => Promise<boolean>, timeoutMs: number, everyMs = 250): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await ready().catch(() => false)) return true;
    if (Date.now() > deadline) return false;
    await sleep(everyMs);
  }
}

export const seconds = (sinceMs: number) => Number(((Date.now() - sinceMs) / 1000).toFixed(1));
