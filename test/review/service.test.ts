import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TableClient } from '@azure/data-tables';
import { MemoryAuditSink } from '../../shared/audit/memory-sink';
import type { ReviewRecord } from '../../shared/audit/records';
import type { ReviewDecisionEvent } from '../../shared/review/decision';
import { LinkStore } from '../../shared/review/link-store';
import { type DecisionSink, ReviewService } from '../../shared/review/service';
import { signLink } from '../../shared/review/token';
import { blobService, testStorage } from '../support/storage';

const secret = 's'.repeat(40);
const run = Date.now().toString(36);

/** The real service over a real link store on Azurite; the Durable side is a sink the test controls. */
async function reviewWith(decisions: DecisionSink, name: string, expiresAt = Date.now() + 3600_000) {
  const table = TableClient.fromConnectionString(testStorage(), `svclinks${run}`, { allowInsecureConnection: true });
  const links = new LinkStore(table);
  const drafts = blobService().getContainerClient('review-drafts');
  await drafts.createIfNotExists();
  const draftRef = `service-${name}-${run}.json`;
  const draft = JSON.stringify({ title: 'Memo', text: 'Exposure rose 4%.' });
  await drafts.getBlockBlobClient(draftRef).upload(draft, Buffer.byteLength(draft));
  const claims = {
    instanceId: `svc-${name}-${run}`,
    reviewId: `svc-${name}-${run}:1`,
    reviewer: 'first@bank.example',
    pipeline: 'generic',
    expiresAt,
  };
  const nonce = `${name}${run}`;
  const token = signLink(secret, claims, nonce);
  await links.issue({ ...claims, nonce }, new Date().toISOString(), draftRef);
  const audit = new MemoryAuditSink();
  const service = new ReviewService({ secret, links, drafts, decisions, audit, requirePrincipal: false });
  const open = async () => {
    const page = await service.open(token, '/api/review/x');
    const csrf = page.cookies?.[0]?.value ?? '';
    return { page, csrf };
  };
  const post = (fields: Record<string, string>, csrf: string) =>
    service.decide(token, '/api/review/x', new URLSearchParams({ csrf, ...fields }), { enclave_review_csrf: csrf });
  return { service, links, nonce, token, audit, open, post, claims };
}

const refusals = (audit: MemoryAuditSink) =>
  audit.records.filter((r): r is ReviewRecord => r.kind === 'review' && r.event === 'link-refused');

test('when raising the decision fails, the link is given back and the reviewer is told nothing was recorded', async () => {
  const raised: ReviewDecisionEvent[] = [];
  let failing = true;
  const sink: DecisionSink = {
    isWaiting: async () => true,
    raise: async (_id, _event, data) => {
      if (failing) throw new Error('task hub unreachable');
      raised.push(data);
    },
  };
  const review = await reviewWith(sink, 'raise');
  const { csrf } = await review.open();
  const failed = await review.post({ decision: 'reject', reason: 'Limits table is stale' }, csrf);
  assert.equal(failed.status, 503);
  assert.match(failed.html, /Nothing was recorded and this link still works: try again in a minute/);
  const row = await review.links.get(review.nonce);
  assert.equal(row?.state, 'opened', 'the link is usable again');
  assert.equal(row?.decision, undefined, 'and carries no decision');
  assert.ok(row?.openedAt, 'the first opening is kept for the reviewer time');

  failing = false;
  const retried = await review.post({ decision: 'approve' }, csrf);
  assert.equal(retried.status, 200);
  assert.deepEqual(
    raised.map((e) => [e.decision, e.nonce, e.openedAt]),
    [['approved', review.nonce, row?.openedAt]],
  );
  assert.equal((await review.links.get(review.nonce))?.state, 'consumed');
  assert.equal((await review.post({ decision: 'approve' }, csrf)).status, 410, 'single use still holds');
});

test('a link revoked while the decision was in flight is not given back', async () => {
  const review = await reviewWith(
    {
      isWaiting: async () => true,
      raise: async () => {
        await review.links.revoke(review.nonce, new Date().toISOString()); // escalation lands meanwhile
        throw new Error('task hub unreachable');
      },
    },
    'revoked',
  );
  const { csrf } = await review.open();
  const failed = await review.post({ decision: 'approve' }, csrf);
  assert.equal(failed.status, 503);
  assert.match(failed.html, /could not be restored\. Nothing was recorded: ask for a new link/);
  assert.equal((await review.links.get(review.nonce))?.state, 'consumed');
});

test('refused links Enclave signed are audited with the reviewer and a reason code, never the token; forged ones are not', async () => {
  const sink: DecisionSink = { isWaiting: async () => true, raise: async () => {} };
  const review = await reviewWith(sink, 'refused');
  const [body, signature] = review.token.split('.');
  assert.equal((await review.service.open(`${body}.${'A'.repeat(signature!.length)}`, '/x')).status, 403);
  const { csrf } = await review.open();
  assert.equal((await review.post({ decision: 'approve' }, 'wrong')).status, 403);
  assert.equal((await review.post({ decision: 'approve' }, csrf)).status, 200);
  assert.equal((await review.service.open(review.token, '/x')).status, 410);

  const expired = await reviewWith(sink, 'expired', Date.now() - 1000);
  assert.equal((await expired.service.open(expired.token, '/x')).status, 410);

  const records = [...refusals(review.audit), ...refusals(expired.audit)];
  assert.deepEqual(
    records.map((r) => [r.reason, r.reviewer, r.instanceId]),
    [
      ['csrf', 'first@bank.example', review.claims.instanceId],
      ['already-decided', 'first@bank.example', review.claims.instanceId],
      ['expired', 'first@bank.example', expired.claims.instanceId],
    ],
  );
  const text = JSON.stringify(records);
  for (const token of [review.token, expired.token]) {
    for (const part of token.split('.')) assert.ok(!text.includes(part), 'no part of the token is audited');
  }
});
