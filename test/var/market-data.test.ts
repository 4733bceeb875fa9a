import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { RunningHost } from '../../local/host/index';
import type { RunningModelServer } from '../../local/model/server';
import { durableApi } from '../support/durable';
import { localModelServer } from '../support/model';
import { notificationsFor, pause, reportBlobs, reviewLink, startRun, startVarHost, uploadDemoLake } from './host';

const MINUTE = 60_000;
let server: RunningModelServer;
let host: RunningHost;

before(async () => {
  server = await localModelServer();
  host = await startVarHost('VarData', Date.parse('2026-12-01T10:00:00Z'), { server });
});
after(async () => {
  await host.stop();
  await server.stop();
});

const stage = (s: { customStatus: unknown }) => (s.customStatus as { stage?: string } | null)?.stage;

/** Moves the test clock one poll interval at a time, letting the orchestrations take each timer. */
async function poll(times: number): Promise<void> {
  for (let i = 0; i < times; i++) {
    await host.clock.advance(15 * MINUTE);
    await pause(150);
  }
}

test('market data missing: no alert before the cutoff; at the cutoff one alert, and nothing drafted or published', async () => {
  const cutoffAt = new Date(host.clock.now() + 60 * MINUTE).toISOString();
  assert.equal((await startRun(host, { date: '2026-12-01', cutoffAt })).status, 202);
  const api = durableApi(host);
  await api.until('var-2026-12-01', (s) => stage(s) === 'waiting-for-market-data');
  await poll(3);
  const waiting = await api.status('var-2026-12-01');
  assert.deepEqual([waiting.runtimeStatus, stage(waiting)], ['Running', 'waiting-for-market-data']);
  assert.deepEqual(await notificationsFor('var-2026-12-01', 'market-data-missing'), [], 'no alert before the cutoff');

  await poll(2);
  const done = await api.until('var-2026-12-01', undefined, 15_000);
  assert.deepEqual(done.output, { outcome: 'market-data-missing', date: '2026-12-01' });
  const alerts = await notificationsFor('var-2026-12-01', 'market-data-missing');
  assert.deepEqual(
    alerts.map((n) => [n.to, n.title]),
    [['risk.manager@bank.example', 'Market data missing for 2026-12-01: no VaR report today']],
  );
  assert.deepEqual(await reportBlobs('draft', '2026-12-01'), []);
  assert.deepEqual(await reportBlobs('published', '2026-12-01'), []);
  assert.deepEqual(await notificationsFor('var-2026-12-01', 'ready-for-review'), []);
});

test('market data that lands while the run waits: the next poll finds it and the report goes to review', async () => {
  const cutoffAt = new Date(host.clock.now() + 90 * MINUTE).toISOString();
  assert.equal((await startRun(host, { date: '2026-12-03', cutoffAt })).status, 202);
  const api = durableApi(host);
  await api.until('var-2026-12-03', (s) => stage(s) === 'waiting-for-market-data');
  await poll(2);
  assert.equal(stage(await api.status('var-2026-12-03')), 'waiting-for-market-data', 'still no data');

  await uploadDemoLake('2026-12-03');
  await poll(1);
  await reviewLink('var-2026-12-03', 1);
  const status = await api.until('var-2026-12-03', (s) => stage(s) === 'awaiting-review');
  assert.equal(status.runtimeStatus, 'Running');
  assert.ok(Date.parse(new Date(host.clock.now()).toISOString()) < Date.parse(cutoffAt), 'well before the cutoff');
  assert.deepEqual(await notificationsFor('var-2026-12-03', 'market-data-missing'), []);
  assert.deepEqual((await reportBlobs('draft', '2026-12-03')).sort(), [
    'draft/var/2026-12-03.facts.json',
    'draft/var/2026-12-03.html',
    'draft/var/2026-12-03.pdf',
  ]);
});
