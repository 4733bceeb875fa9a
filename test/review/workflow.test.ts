import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import type { RunningHost } from '../../local/host/index';
import { tokenOfLink } from '../../shared/review/link-opener';
import { outbox, repoRoot, startAppHost } from '../support/app-host';
import { auditRecordsOf } from '../support/audit';
import { durableApi } from '../support/durable';
import { EASY_AUTH_FOR_TESTS, principalHeader } from '../support/identity';
import { openReviewLink, submitReview } from '../support/review-form';
import { blobService, waitFor } from '../support/storage';

const HOUR = 3600_000;
let host: RunningHost;
let api: ReturnType<typeof durableApi>;
const run = Date.now().toString(36);

before(async () => {
  host = await startAppHost(`ReviewHub${run}`);
  api = durableApi(host);
});
after(async () => host.stop());

async function startReview(name: string, overrides: Record<string, unknown> = {}) {
  const id = `review-${name}-${run}`;
  const drafts = blobService().getContainerClient('review-drafts');
  await drafts.createIfNotExists();
  const draftRef = `${id}.json`;
  const draft = JSON.stringify({ title: `Draft for ${name}`, text: 'VaR 99% 1-day is USD 1.2m.' });
  await drafts.getBlockBlobClient(draftRef).upload(draft, Buffer.byteLength(draft));
  const input = {
    pipeline: 'generic',
    subjectId: name,
    title: `Review ${name}`,
    reviewer: 'first@bank.example',
    backupReviewer: 'backup@bank.example',
    draftRef,
    reminderAfterMs: 2 * HOUR,
    deadlineMs: 24 * HOUR,
    escalationMs: 24 * HOUR,
    ...overrides,
  };
  const response = await fetch(
    `${host.url}/runtime/webhooks/durabletask/orchestrators/reviewOrchestrator/${id}?code=${host.keys.system}`,
    { method: 'POST', body: JSON.stringify(input) },
  );
  assert.equal(response.status, 202);
  return id;
}

const linkFor = (id: string, kind: string) =>
  waitFor(
    `${kind} notification for ${id}`,
    async () => (await outbox()).find((n) => n.instanceId === id && n.kind === kind)?.url,
  );

const decide = submitReview;

const advance = async (ms: number) => {
  await new Promise((r) => setTimeout(r, 100));
  await host.clock.advance(ms);
};

describe('review sub-orchestration on the local host with the test clock', () => {
  test('approve: the reviewer approves through the link and the outcome is recorded', async () => {
    const id = await startReview('approve');
    const { status, html } = await decide(await linkFor(id, 'review-requested'), { decision: 'approve' });
    assert.equal(status, 200);
    assert.match(html, /Decision recorded/);
    const s = await api.until(id);
    assert.deepEqual(
      [
        s.runtimeStatus,
        (s.output as { outcome: string; reviewer: string }).outcome,
        (s.output as { reviewer: string }).reviewer,
      ],
      ['Completed', 'approved', 'first@bank.example'],
    );
  });

  test("`enclave review decide` approves through the link and prints only the page's message", async () => {
    const id = await startReview('cli');
    const url = await linkFor(id, 'review-requested');
    // Not spawnSync: the host answering the CLI runs in this process.
    const { stdout } = await promisify(execFile)(process.execPath, [
      path.join(repoRoot, 'bin', 'enclave.js'),
      'review',
      'decide',
      url,
      'approve',
    ]);
    assert.equal(stdout.trim(), 'Decision recorded Thank you. The generic review was approved.');
    assert.equal((await api.until(id)).runtimeStatus, 'Completed');
  });

  test('modify: the edited content comes back with a diff hash', async () => {
    const id = await startReview('modify');
    await decide(await linkFor(id, 'review-requested'), {
      decision: 'modify',
      text: 'VaR 99% 1-day is USD 1.3m after desk review.',
    });
    const output = (await api.until(id)).output as { outcome: string; content: { text: string }; diffSha256: string };
    assert.equal(output.outcome, 'modified');
    assert.equal(output.content.text, 'VaR 99% 1-day is USD 1.3m after desk review.');
    assert.match(output.diffSha256, /^[0-9a-f]{64}$/);
  });

  test('reject needs a reason; with one, the reason comes back', async () => {
    const id = await startReview('reject');
    const url = await linkFor(id, 'review-requested');
    const missing = await decide(url, { decision: 'reject', reason: '' });
    assert.equal(missing.status, 400);
    assert.match(missing.html, /reason: say why you send it back/);
    assert.equal((await api.status(id)).runtimeStatus, 'Running');
    await decide(url, { decision: 'reject', reason: 'Limits table is stale' });
    const output = (await api.until(id)).output as Record<string, unknown>;
    assert.deepEqual(
      [output.outcome, output.reviewer, output.reason, output.escalated],
      ['rejected', 'first@bank.example', 'Limits table is stale', false],
    );
    const decision = (await auditRecordsOf([id])).find((r) => r.event === 'decision');
    assert.equal(
      decision?.reason,
      `sha256:${createHash('sha256').update('Limits table is stale').digest('hex')}`,
      'the audit keeps the reason as a hash only',
    );
    assert.ok(!JSON.stringify(await auditRecordsOf([id])).includes('Limits table'));
    assert.ok(Date.parse(String(output.openedAt)) <= Date.parse(String(output.decidedAt)), 'opened before decided');
  });

  test('remind, escalate to the backup (old link revoked), then the backup decides', async () => {
    const id = await startReview('escalate');
    const first = await linkFor(id, 'review-requested');
    await advance(2 * HOUR);
    await linkFor(id, 'review-reminder');
    await advance(22 * HOUR);
    const backup = await linkFor(id, 'review-escalated');
    const old = await decide(first, { decision: 'approve' });
    assert.equal(old.pageStatus, 410, 'the first reviewer’s link is withdrawn');
    assert.equal((await api.status(id)).runtimeStatus, 'Running');
    await decide(backup, { decision: 'approve' });
    const output = (await api.until(id)).output as { outcome: string; reviewer: string; escalated: boolean };
    assert.deepEqual([output.outcome, output.reviewer, output.escalated], ['approved', 'backup@bank.example', true]);
    const trail = (await auditRecordsOf([id])).map((r) => [r.event, r.reviewer, r.reason ?? '']);
    assert.deepEqual(
      trail.filter(([event]) => event !== 'link-opened'),
      [
        ['link-issued', 'first@bank.example', ''],
        ['reminder-sent', 'first@bank.example', ''],
        ['link-revoked', 'first@bank.example', 'escalated'],
        ['link-issued', 'backup@bank.example', ''],
        ['escalated', 'backup@bank.example', ''],
        ['link-refused', 'first@bank.example', 'revoked'], // the old link opened,
        ['link-refused', 'first@bank.example', 'revoked'], // and posted
        ['decision', 'backup@bank.example', ''],
      ],
    );
  });

  test('a reminder schedule: one notice per reminder time before the deadline, then escalation', async () => {
    const id = await startReview('schedule', { reminderAfterMs: [8 * HOUR, 2 * HOUR, 30 * HOUR] });
    await linkFor(id, 'review-requested');
    const reminders = async () =>
      (await outbox()).filter((n) => n.instanceId === id && n.kind === 'review-reminder').length;
    await advance(2 * HOUR);
    await waitFor('the first reminder', async () => (await reminders()) === 1 || undefined);
    await advance(6 * HOUR);
    await waitFor('the second reminder', async () => (await reminders()) === 2 || undefined);
    await advance(16 * HOUR);
    await linkFor(id, 'review-escalated');
    assert.equal(await reminders(), 2, 'a reminder after the deadline is not sent');
  });

  test('nobody decides: the review expires after the escalation window', async () => {
    const id = await startReview('expire');
    await linkFor(id, 'review-requested');
    await advance(2 * HOUR);
    await linkFor(id, 'review-reminder');
    await advance(22 * HOUR);
    await linkFor(id, 'review-escalated');
    await advance(24 * HOUR);
    assert.deepEqual((await api.until(id)).output, { outcome: 'expired', escalated: true });
    const notice = (await outbox()).find((n) => n.instanceId === id && n.kind === 'review-expired');
    const expired = (await auditRecordsOf([id])).find((r) => r.event === 'expired' && r.decision === 'expired');
    assert.deepEqual([notice?.to, expired?.reviewer], ['backup@bank.example', 'backup@bank.example']);
  });

  test('replayed, forged and altered links change nothing', async () => {
    const id = await startReview('abuse');
    const url = await linkFor(id, 'review-requested');
    const token = tokenOfLink(url);
    const [body, sig] = token.split('.');
    const openWith = (t: string) =>
      fetch(`${host.url}/api/review/open`, { method: 'POST', body: new URLSearchParams({ t }) });
    assert.equal((await openWith(`${body}.${'A'.repeat(sig!.length)}`)).status, 403);
    const altered = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(body!, 'base64url').toString()), reviewer: 'mallory@evil.example' }),
    ).toString('base64url');
    assert.equal((await openWith(`${altered}.${sig}`)).status, 403);
    const noCsrf = await fetch(`${host.url}/api/review/decide`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ t: token, decision: 'approve' }).toString(),
    });
    assert.equal(noCsrf.status, 403);
    assert.equal((await api.status(id)).runtimeStatus, 'Running', 'nothing changed');
    assert.equal((await decide(url, { decision: 'approve' })).status, 200);
    const replay = await decide(url, { decision: 'reject', reason: 'second try' });
    assert.equal(replay.pageStatus, 410);
    assert.match(replay.html, /already been decided/);
    assert.equal(((await api.until(id)).output as { outcome: string }).outcome, 'approved');
  });

  test('with App Service Authentication required, a signed-in principal other than the reviewer is refused', async () => {
    const id = await startReview('principal');
    const url = await linkFor(id, 'review-requested');
    Object.assign(process.env, EASY_AUTH_FOR_TESTS, { REVIEW_REQUIRE_PRINCIPAL: 'true' });
    try {
      assert.equal((await openReviewLink(url, principalHeader('mallory@bank.example'))).status, 403);
      assert.equal((await openReviewLink(url)).status, 403, 'no principal at all');
      const forgedName = await openReviewLink(url, { 'x-ms-client-principal-name': 'first@bank.example' });
      assert.equal(forgedName.status, 403, 'the bare name header is not a principal');
      assert.equal((await openReviewLink(url, principalHeader('First@Bank.example'))).status, 200);
    } finally {
      for (const key of [...Object.keys(EASY_AUTH_FOR_TESTS), 'REVIEW_REQUIRE_PRINCIPAL']) delete process.env[key];
    }
    assert.equal((await api.status(id)).runtimeStatus, 'Running');
  });
});
