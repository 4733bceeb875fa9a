import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { RunningHost } from '../../local/host/index';
import type { RunningModelServer } from '../../local/model/server';
import { localModelServer } from '../support/model';
import { submitReview } from '../support/review-form';
import { publishedReport, reviewLink, startRun, startVarHost, uploadDemoLake } from './host';

let server: RunningModelServer;
let host: RunningHost;
const COMMENT = 'Please state the VaR as a percentage of the portfolio value.';

before(async () => {
  server = await localModelServer();
  host = await startVarHost('VarTemplate', Date.parse('2026-12-08T11:00:00Z'), { server });
  await uploadDemoLake('2026-12-08');
});
after(async () => {
  await host.stop();
  await server.stop();
});

test('a narrative that keeps quoting an uncomputed figure is regenerated once, then replaced by the flagged template', async () => {
  assert.equal((await startRun(host, { date: '2026-12-08', cutoffAt: '2026-12-08T14:00:00Z' })).status, 202);
  await submitReview(await reviewLink('var-2026-12-08', 1), { decision: 'reject', reason: COMMENT });

  const second = await submitReview(await reviewLink('var-2026-12-08', 2), { decision: 'approve' });
  const asked = server
    .requests()
    .filter((r) => r.deployment === 'var-narrative' && r.messages.some((m) => m.content.includes(COMMENT)));
  assert.equal(asked.length, 2, 'the first answer failed the check and was regenerated once');
  const flag = /Template narrative: the model&#39;s text quoted figures not in the facts sheet \((\d+\.\d\d)%\)/;
  assert.match(second.page, flag, 'the reviewer sees the flag');

  const html = await publishedReport(host, '2026-12-08', 2);
  assert.match(html, flag, 'the published report carries the flag');
  const summary = html.match(/<h2>Summary<\/h2><p>([^<]*)<\/p>/)![1]!;
  assert.match(summary, /^As of 2026-12-08, the firm&#39;s 1-day 99% VaR is USD [\d,]+\.\d\d/);
  assert.doesNotMatch(summary, /of the portfolio value|Desk detail/, 'the template, not the rejected text');
});
