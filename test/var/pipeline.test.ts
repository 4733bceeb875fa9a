import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { RunningHost } from '../../local/host/index';
import type { RunningModelServer } from '../../local/model/server';
import { generateDemoLake } from '../../shared/var/demo';
import { outbox, startAppHost } from '../support/app-host';
import { durableApi } from '../support/durable';
import { endpointsOf, localModelServer } from '../support/model';
import { submitReview } from '../support/review-form';
import { blobService, waitFor } from '../support/storage';

const MINUTE = 60_000;
let server: RunningModelServer;
let host: RunningHost;
// Monday 2026-11-30 12:00 UTC on the test clock.
const START = Date.parse('2026-11-30T12:00:00Z');

before(async () => {
  server = await localModelServer();
  host = await startAppHost(
    `VarHub${Date.now().toString(36)}`,
    {
      MODEL_ENDPOINTS: JSON.stringify(endpointsOf(server)),
      MODEL_API_KEY: server.apiKey,
      WEBSITE_TIME_ZONE: 'America/New_York',
    },
    START,
    ['varDaily'],
  );
  const lake = blobService().getContainerClient('datalake');
  await lake.createIfNotExists();
  for (const [name, text] of Object.entries(generateDemoLake('2026-11-30').files))
    await lake.getBlockBlobClient(name).upload(text, Buffer.byteLength(text));
});
after(async () => {
  await host.stop();
  await server.stop();
});

const decide = async (url: string, fields: Record<string, string>) => (await submitReview(url, fields)).page;

const reviewLink = (instanceId: string, round: number) =>
  waitFor(
    `review link round ${round}`,
    async () =>
      (await outbox()).find((n) => n.instanceId === `${instanceId}:review:${round}` && n.kind === 'review-requested')
        ?.url,
    30_000,
  );

test('daily VaR: figures computed in code, grounded narrative, send-back with comments, approval, published once', async () => {
  const run = () =>
    fetch(`${host.url}/api/var/runs`, {
      method: 'POST',
      body: JSON.stringify({ date: '2026-11-30', cutoffAt: '2026-11-30T15:00:00Z' }),
    });
  const response = await run();
  assert.equal(response.status, 202);
  assert.deepEqual(await response.json(), { instanceId: 'var-2026-11-30', duplicate: false });
  assert.deepEqual(await (await run()).json(), { instanceId: 'var-2026-11-30', duplicate: true });

  const first = await reviewLink('var-2026-11-30', 1);
  assert.ok(
    (await outbox()).some(
      (n) =>
        n.instanceId === 'var-2026-11-30' &&
        n.kind === 'ready-for-review' &&
        /VaR report ready for review/.test(n.title),
    ),
  );
  const page = await decide(first, { decision: 'reject', reason: 'Please add the desk breakdown' });
  assert.match(page, /VaR 99% 1-day/);
  assert.match(page, /<svg role="img" aria-label="Distribution of/);
  assert.match(page, /<svg role="img" aria-label="Backtest: \d+ exceptions over 250 days"/);

  const second = await reviewLink('var-2026-11-30', 2);
  const secondPage = await decide(second, { decision: 'approve' });
  assert.match(secondPage, /Desk detail: credit component VaR USD/, 'the comments shaped the second draft');

  const done = await durableApi(host).until('var-2026-11-30', undefined, 30_000);
  assert.deepEqual(done.output, {
    outcome: 'published',
    date: '2026-11-30',
    approvedBy: 'risk.manager@bank.example',
    files: ['reports/published/var/2026-11-30.html', 'reports/published/var/2026-11-30.pdf'],
    rounds: 2,
  });
  const reports = blobService().getContainerClient('reports');
  const html = (await reports.getBlockBlobClient('published/var/2026-11-30.html').downloadToBuffer()).toString('utf8');
  assert.match(html, /Daily Value-at-Risk report — 2026-11-30/);
  const published = (await outbox()).filter((n) => n.instanceId === 'var-2026-11-30' && n.kind === 'report-published');
  assert.deepEqual(published.map((n) => n.to).sort(), ['cfo@bank.example', 'cro@bank.example']);
  assert.ok(
    server.requests().every((r) => r.endpoint === 'eastus' || r.endpoint === 'eastus-ptu'),
    'data-zone:americas only',
  );
});

test('market data missing: the run polls with durable timers until the cutoff, then alerts and publishes nothing', async () => {
  const response = await fetch(`${host.url}/api/var/runs`, {
    method: 'POST',
    body: JSON.stringify({ date: '2026-12-01', cutoffAt: new Date(START + 60 * MINUTE).toISOString() }),
  });
  assert.equal(response.status, 202);
  const api = durableApi(host);
  await api.until(
    'var-2026-12-01',
    (s) => (s.customStatus as { stage?: string } | null)?.stage === 'waiting-for-market-data',
  );
  for (let i = 0; i < 5; i++) {
    await new Promise((r) => setTimeout(r, 80));
    await host.clock.advance(15 * MINUTE);
  }
  const done = await api.until('var-2026-12-01', undefined, 15_000);
  assert.deepEqual(done.output, { outcome: 'market-data-missing', date: '2026-12-01' });
  assert.ok((await outbox()).some((n) => n.instanceId === 'var-2026-12-01' && n.kind === 'market-data-missing'));
});

test('the 5 AM schedule fires in the desk time zone and starts that business date once', async () => {
  // 2026-12-02 05:00 in New York is 10:00 UTC.
  await host.clock.set(Date.parse('2026-12-02T09:59:59Z'));
  await host.clock.advance(2_000);
  const status = await durableApi(host).until('var-2026-12-02', (s) => s.runtimeStatus === 'Running', 15_000);
  assert.equal(status.name, 'varOrchestrator');
});

test('a manual run for a weekend or a malformed date is refused with the field', async () => {
  const weekend = await fetch(`${host.url}/api/var/runs`, {
    method: 'POST',
    body: JSON.stringify({ date: '2026-11-28' }),
  });
  assert.deepEqual(
    [weekend.status, await weekend.json()],
    [400, { error: '2026-11-28 is not a business day', where: 'date' }],
  );
  const bad = await fetch(`${host.url}/api/var/runs`, { method: 'POST', body: JSON.stringify({ date: '30/11/2026' }) });
  assert.deepEqual([bad.status, await bad.json()], [400, { error: 'a date YYYY-MM-DD', where: 'date' }]);
});
