import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { chromium } from 'playwright-core';
import type { RunningHost } from '../../local/host/index';
import { outbox, repoRoot, startAppHost } from '../support/app-host';
import { chromiumArgs, findChromium } from '../support/chromium';
import { durableApi } from '../support/durable';
import { blobService, waitFor } from '../support/storage';

const browserPath = findChromium();
let host: RunningHost;

before(async () => {
  host = await startAppHost(`BrowserHub${Date.now().toString(36)}`);
});
after(async () => host?.stop());

test('a reviewer opens the link in Chromium, edits the draft, approves, and the orchestration completes', async () => {
  const id = `browser-review-${Date.now().toString(36)}`;
  const drafts = blobService().getContainerClient('review-drafts');
  await drafts.createIfNotExists();
  const draft = JSON.stringify({ title: 'Quarterly memo', text: 'Exposure rose 4% on the rates desk.' });
  await drafts.getBlockBlobClient(`${id}.json`).upload(draft, Buffer.byteLength(draft));
  const input = {
    pipeline: 'generic',
    subjectId: 'memo-1',
    title: 'Quarterly memo',
    reviewer: 'editor@agency.example',
    backupReviewer: 'chief@agency.example',
    draftRef: `${id}.json`,
    reminderAfterMs: 3600_000,
    deadlineMs: 86_400_000,
    escalationMs: 86_400_000,
  };
  await fetch(
    `${host.url}/runtime/webhooks/durabletask/orchestrators/reviewOrchestrator/${id}?code=${host.keys.system}`,
    { method: 'POST', body: JSON.stringify(input) },
  );
  const url = await waitFor('the review link', async () => (await outbox()).find((n) => n.instanceId === id)?.url);

  const browser = await chromium.launch({ executablePath: browserPath, args: chromiumArgs() });
  try {
    const page = await browser.newPage();
    await page.goto(url);
    assert.equal(await page.title(), 'Quarterly memo — Enclave review');
    assert.ok(!page.url().includes(url.split('#t=')[1]!), `the token left the address bar: ${page.url()}`);
    await page.getByLabel('Draft').fill('Exposure rose 4% on the rates desk; limits were not breached.');
    const outDir = path.join(repoRoot, 'test-output');
    mkdirSync(outDir, { recursive: true });
    await page.screenshot({ path: path.join(outDir, 'review-page.png'), fullPage: true });
    await page.getByRole('button', { name: 'Save my edits and approve' }).click();
    await page.getByText('Decision recorded').waitFor();
    await page.screenshot({ path: path.join(outDir, 'review-confirmed.png') });
  } finally {
    await browser.close();
  }
  const output = (await durableApi(host).until(id)).output as { outcome: string; content: { text: string } };
  assert.equal(output.outcome, 'modified');
  assert.equal(output.content.text, 'Exposure rose 4% on the rates desk; limits were not breached.');
});
