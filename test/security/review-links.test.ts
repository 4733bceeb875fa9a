import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { RunningHost } from '../../local/host/index';
import { outbox, startAppHost } from '../support/app-host';
import { auditRecordsOf } from '../support/audit';
import { durableApi } from '../support/durable';
import { openReviewLink, submitReview } from '../support/review-form';
import { blobService, waitFor } from '../support/storage';

const HOUR = 3600_000;
const run = Date.now().toString(36);
let host: RunningHost;

// Reviewers reach this app over https (as on Azure): its cookies must be Secure.
before(async () => {
  host = await startAppHost(`SecLinks${run}`, { REVIEW_BASE_URL: 'https://enclave.example' });
});
after(async () => host.stop());

async function startReview(name: string, extra: Record<string, unknown> = {}) {
  const id = `sec-review-${name}-${run}`;
  const drafts = blobService().getContainerClient('review-drafts');
  await drafts.createIfNotExists();
  const draft = JSON.stringify({ title: `Draft ${name}`, text: 'VaR 99% 1-day is USD 1.2m.' });
  await drafts.getBlockBlobClient(`${id}.json`).upload(draft, Buffer.byteLength(draft));
  const input = {
    pipeline: 'generic',
    subjectId: name,
    title: `Review ${name}`,
    reviewer: 'first@bank.example',
    backupReviewer: 'backup@bank.example',
    draftRef: `${id}.json`,
    reminderAfterMs: 2 * HOUR,
    deadlineMs: 24 * HOUR,
    escalationMs: 24 * HOUR,
    ...extra,
  };
  const started = await fetch(
    `${host.url}/runtime/webhooks/durabletask/orchestrators/reviewOrchestrator/${id}?code=${host.keys.system}`,
    { method: 'POST', body: JSON.stringify(input) },
  );
  assert.equal(started.status, 202);
  const link = await waitFor('the review link', async () => (await outbox()).find((n) => n.instanceId === id)?.url);
  // The link names the public host; the test reaches the same app on the local port.
  return { id, link, local: link.replace('https://enclave.example', host.url) };
}

test('the token is never in a URL a request log keeps, and GET of the link changes nothing', async () => {
  const { id, link, local } = await startReview('path');
  const url = new URL(link);
  assert.equal(url.pathname, '/api/review/open');
  assert.equal(url.search, '');
  assert.match(url.hash, /^#t=[\w-]+\.[\w-]+$/);
  const token = url.hash.slice(3);

  const opener = await fetch(local);
  assert.equal(opener.status, 200);
  assert.doesNotMatch(await opener.text(), new RegExp(token.slice(0, 20)), 'the opener never sees the token');
  assert.equal((await fetch(`${host.url}/api/review/${token}`)).status, 404, 'the old path form is gone');
  assert.equal((await fetch(`${host.url}/api/review/open?t=${token}`)).status, 200);
  const opened = (await auditRecordsOf([id])).filter((r) => r.event === 'link-opened');
  assert.equal(opened.length, 0, 'no GET, with or without the token in the query, opened the review');

  assert.equal((await submitReview(local, { decision: 'approve' })).status, 200);
  assert.equal(((await durableApi(host).until(id)).output as { outcome: string }).outcome, 'approved');
  assert.equal((await submitReview(local, { decision: 'approve' })).pageStatus, 410, 'still single use');
});

test('the CSRF cookie is Secure on https, and the page forbids <base> (base-uri none)', async () => {
  const { local } = await startReview('cookie');
  const response = await fetch(`${host.url}/api/review/open`, {
    method: 'POST',
    body: new URLSearchParams({ t: new URL(local).hash.slice(3) }),
  });
  assert.equal(response.status, 200);
  const cookie = response.headers.get('set-cookie') ?? '';
  assert.match(cookie, /^enclave_review_csrf=[^;]+; Path=\/api\/review; Secure; HttpOnly; SameSite=Strict$/);
  const csp = response.headers.get('content-security-policy') ?? '';
  assert.match(csp, /(^|; )base-uri 'none'(;|$)/);
  assert.match(csp, /(^|; )default-src 'none'(;|$)/);
});

test('the submitter cannot review its own submission, even through a link that names it', async () => {
  const { id, local } = await startReview('self', { submittedBy: 'First@Bank.example' });
  const opened = await openReviewLink(local);
  assert.equal(opened.status, 403);
  assert.match(opened.html, /You submitted this item, so you cannot review it/);
  const decided = await fetch(`${host.url}/api/review/decide`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ t: opened.token, decision: 'approve', csrf: 'x' }).toString(),
  });
  assert.equal(decided.status, 403);
  assert.equal((await durableApi(host).status(id)).runtimeStatus, 'Running', 'nothing was decided');
  const refused = (await auditRecordsOf([id])).filter((r) => r.event === 'link-refused').map((r) => r.reason);
  assert.deepEqual([...new Set(refused)], ['self-review']);
  await durableApi(host).post(`instances/${id}/terminate?reason=test`);
});
