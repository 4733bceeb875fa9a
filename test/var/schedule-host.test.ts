import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { RunningHost } from '../../local/host/index';
import { durableApi, type Status } from '../support/durable';
import { blobService, waitFor } from '../support/storage';
import { pause, startVarHost } from './host';

let host: RunningHost;

before(async () => {
  // The host ticks in UTC, as on Flex Consumption, which ignores WEBSITE_TIME_ZONE; the desk is in New York.
  host = await startVarHost('VarDst', Date.parse('2026-03-05T12:00:00Z'), { timer: true, hostInUtc: true });
});
after(async () => host.stop());

const started = (date: string) =>
  durableApi(host).until(`var-${date}`, (s) => s.runtimeStatus !== 'NotFound', 15_000) as Promise<Status>;
const notStarted = async (date: string) =>
  assert.equal((await durableApi(host).status(`var-${date}`)).runtimeStatus, 'NotFound', `no run for ${date} yet`);
const cutoffOf = (s: Status) => (s.input as { cutoffAt: string; requestedBy: string }).cutoffAt;

/** Waits until the host has finished a run and saved when the timer fires next (it re-arms right after). */
async function armedFor(iso: string): Promise<void> {
  const hosts = blobService().getContainerClient('azure-webjobs-hosts');
  await waitFor(`the timer armed for ${iso}`, async () => {
    for await (const b of hosts.listBlobsFlat({ prefix: 'timers/vardst' })) {
      if (!b.name.endsWith('/varDaily/status')) continue;
      const status = JSON.parse((await hosts.getBlockBlobClient(b.name).downloadToBuffer()).toString('utf8'));
      if (status.Next === iso) return true;
    }
    return false;
  });
  await pause(100);
}

/**
 * Puts the test clock a second before `iso` — the jump runs the timer once, past due, and re-arms it for `iso` —
 * then, once it is armed (however slow the machine), moves the clock over that instant (the timer fires there).
 */
async function cross(iso: string): Promise<void> {
  await host.clock.set(Date.parse(iso) - 1_000);
  await armedFor(new Date(Date.parse(iso)).toISOString());
  await host.clock.advance(2_000);
}

test('5 AM New York is 10:00 UTC before the March change and 09:00 UTC after it; each run is its own date', async () => {
  await cross('2026-03-06T09:00:00Z');
  await pause(300);
  await notStarted('2026-03-06');
  await cross('2026-03-06T10:00:00Z');
  const friday = await started('2026-03-06');
  assert.equal(cutoffOf(friday), '2026-03-06T13:00:00.000Z', 'Friday 5 AM EST + 3 h');

  await cross('2026-03-09T09:00:00Z');
  const monday = await started('2026-03-09');
  assert.equal(cutoffOf(monday), '2026-03-09T12:00:00.000Z', 'Monday 5 AM EDT + 3 h');
  assert.equal((monday.input as { requestedBy: string }).requestedBy, 'system:var-schedule');
  await notStarted('2026-03-07');
  await notStarted('2026-03-08');
});

test('across the November change: 09:00 UTC on Friday (EDT), 10:00 UTC on Monday (EST); a clock jump runs once, past due', async () => {
  // The jump from March passes every occurrence since: one past-due run, for the latest one missed. It must come
  // after the timer re-armed from the last March tick, or the host would see no missed occurrence.
  await armedFor('2026-03-09T09:30:00.000Z');
  await host.clock.set(Date.parse('2026-10-30T08:00:00Z'));
  const pastDue = await started('2026-10-29');
  assert.equal(cutoffOf(pastDue), '2026-10-29T12:00:00.000Z');
  await notStarted('2026-03-10');
  await armedFor('2026-10-30T08:30:00.000Z');
  await notStarted('2026-10-30');
  await cross('2026-10-30T09:00:00Z');
  const friday = await started('2026-10-30');
  assert.equal(cutoffOf(friday), '2026-10-30T12:00:00.000Z', 'Friday 5 AM EDT + 3 h');

  await cross('2026-11-02T09:00:00Z');
  await pause(300);
  await notStarted('2026-11-02');
  await cross('2026-11-02T10:00:00Z');
  const monday = await started('2026-11-02');
  assert.equal(cutoffOf(monday), '2026-11-02T13:00:00.000Z', 'Monday 5 AM EST + 3 h');
});
