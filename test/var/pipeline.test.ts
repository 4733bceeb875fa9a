import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { RunningHost } from '../../local/host/index';
import type { RunningModelServer } from '../../local/model/server';
import { outbox } from '../support/app-host';
import { durableApi } from '../support/durable';
import { localModelServer } from '../support/model';
import { submitReview } from '../support/review-form';
import { publishedReport, reviewLink, startRun, startVarHost, uploadDemoLake } from './host';

let server: RunningModelServer;
let host: RunningHost;

before(async () => {
  server = await localModelServer();
  // Monday 2026-11-30 12:00 UTC on the test clock.
  host = await startVarHost('VarHub', Date.parse('2026-11-30T12:00:00Z'), { server, timer: true });
  await uploadDemoLake('2026-11-30');
});
after(async () => {
  await host.stop();
  await server.stop();
});

const decide = async (url: string, fields: Record<string, string>) => (await submitReview(url, fields)).page;

test('daily VaR: figures computed in code, grounded narrative, send-back with comments, approval, published once', async () => {
  const run = () => startRun(host, { date: '2026-11-30', cutoffAt: '2026-11-30T15:00:00Z' });
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

  const html = await publishedReport(host, '2026-11-30', 2);
  assert.match(html, /Daily Value-at-Risk report — 2026-11-30/);
  const published = (await outbox()).filter((n) => n.instanceId === 'var-2026-11-30' && n.kind === 'report-published');
  assert.deepEqual(published.map((n) => n.to).sort(), ['cfo@bank.example', 'cro@bank.example']);
  assert.ok(
    server.requests().every((r) => r.endpoint === 'eastus' || r.endpoint === 'eastus-ptu'),
    'data-zone:americas only',
  );
});

test('the 5 AM schedule fires in the desk time zone and starts that business date once', async () => {
  // 2026-12-02 05:00 in New York is 10:00 UTC.
  await host.clock.set(Date.parse('2026-12-02T09:59:59Z'));
  await host.clock.advance(2_000);
  const status = await durableApi(host).until('var-2026-12-02', (s) => s.runtimeStatus === 'Running', 15_000);
  assert.equal(status.name, 'varOrchestrator');
});

test('a manual run for a weekend or a malformed date is refused with the field', async () => {
  const weekend = await startRun(host, { date: '2026-11-28' });
  assert.deepEqual(
    [weekend.status, await weekend.json()],
    [400, { error: '2026-11-28 is not a business day', where: 'date' }],
  );
  const bad = await startRun(host, { date: '30/11/2026' });
  assert.deepEqual([bad.status, await bad.json()], [400, { error: 'a date YYYY-MM-DD', where: 'date' }]);
});
