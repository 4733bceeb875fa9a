import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { MemoryAuditSink } from '../../shared/audit/memory-sink';
import { generateDemoLake } from '../../shared/var/demo';
import type { FactsSheet } from '../../shared/var/facts';
import { createVarActivities } from '../../workflows/var/activities';
import type { VarRun } from '../../workflows/var/types';
import { blobService } from '../support/storage';

const suffix = Date.now().toString(36);
const lake = blobService().getContainerClient(`varlake-${suffix}`);
const reports = blobService().getContainerClient(`varreports-${suffix}`);
const activities = createVarActivities({
  lake,
  reports,
  drafts: blobService().getContainerClient(`vardrafts-${suffix}`),
  audit: new MemoryAuditSink(),
  notifier: { send: async () => undefined },
});

const run = (date: string, holidays: string[]): VarRun => ({
  date,
  cutoffAt: `${date}T13:00:00Z`,
  pollMs: 900_000,
  holidays,
  reviewer: 'risk.manager@bank.example',
  backupReviewer: 'deputy.risk@bank.example',
  executives: ['cro@bank.example'],
  residency: 'data-zone:americas',
  requestedBy: 'test',
});
const facts = async (date: string) =>
  JSON.parse(
    (await reports.getBlockBlobClient(`draft/var/${date}.facts.json`).downloadToBuffer()).toString('utf8'),
  ) as FactsSheet;

before(async () => {
  // Thanksgiving week: the lake of Friday 2026-11-27, and the same book as it stood on Wednesday.
  await lake.createIfNotExists();
  const files = generateDemoLake('2026-11-27').files;
  const upTo = (csv: string, date: string) =>
    csv
      .split('\n')
      .filter((line, i) => i === 0 || line === '' || line.slice(0, 10) <= date)
      .join('\n');
  const wednesday = {
    'marketdata/2026-11-25/prices.csv': upTo(files['marketdata/2026-11-27/prices.csv']!, '2026-11-25'),
    'marketdata/2026-11-25/fx.csv': upTo(files['marketdata/2026-11-27/fx.csv']!, '2026-11-25'),
    'positions/2026-11-25.csv': files['positions/2026-11-27.csv']!,
  };
  for (const [name, text] of Object.entries({ ...files, ...wednesday }))
    await lake.getBlockBlobClient(name).upload(text, Buffer.byteLength(text));
});

test('the day-over-day change skips the configured holiday and is in the draft report, adding up', async () => {
  await activities.computeVarFacts({ run: run('2026-11-25', ['2026-11-26']), instanceId: 'var-2026-11-25' });
  await activities.computeVarFacts({ run: run('2026-11-27', []), instanceId: 'var-2026-11-27' });
  assert.equal((await facts('2026-11-27')).change, null, 'without the holiday, Thursday has no facts to compare');

  await activities.computeVarFacts({ run: run('2026-11-27', ['2026-11-26']), instanceId: 'var-2026-11-27' });
  const friday = await facts('2026-11-27');
  const wednesday = await facts('2026-11-25');
  const change = friday.change!;
  assert.equal(change.previousDate, '2026-11-25');
  assert.equal(change.previousVar99, wednesday.var.var99);
  assert.equal(change.deltaVar99, Math.round((friday.var.var99 - wednesday.var.var99) * 100) / 100);
  const explained = change.topContributors.reduce((s, t) => s + t.delta, 0) + change.residual;
  assert.equal(Math.round(explained * 100) / 100, change.deltaVar99);

  await activities.renderVarDraft({ run: run('2026-11-27', ['2026-11-26']), narrative: 'text', flags: [], round: 1 });
  const html = (await reports.getBlockBlobClient('draft/var/2026-11-27.html').downloadToBuffer()).toString('utf8');
  assert.match(html, /<caption>Change since 2026-11-25 \(historical VaR 99% 1-day\)<\/caption>/);
  for (const t of change.topContributors) assert.ok(html.includes(`<th scope="row">${t.ticker}</th>`), t.ticker);
  assert.match(html, /All other instruments \(residual\)/);
});
