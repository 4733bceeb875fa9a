import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { RunningHost } from '../../local/host/index';
import type { RunningModelServer } from '../../local/model/server';
import { callApp, outbox, startAppHost } from '../support/app-host';
import { durableApi } from '../support/durable';
import { EASY_AUTH_FOR_TESTS, principalHeader } from '../support/identity';
import { endpointsOf, localModelServer } from '../support/model';
import { openReviewLink } from '../support/review-form';
import { blobService, waitFor } from '../support/storage';

const tag = Date.now().toString(36).toUpperCase();
const COUNSEL = 'foia.counsel@agency.example';
let server: RunningModelServer;
let host: RunningHost;

before(async () => {
  server = await localModelServer();
  host = await startAppHost(
    `SecFoiaSelf${tag}`,
    {
      ...EASY_AUTH_FOR_TESTS,
      MODEL_ENDPOINTS: JSON.stringify(endpointsOf(server)),
      MODEL_API_KEY: server.apiKey,
      FOIA_REVIEWER: COUNSEL,
    },
    undefined,
    ['foiaInbox'],
  );
});
after(async () => {
  await host.stop();
  await server.stop();
});

/** Records a FOIA request as `recorder`, drops one letter in its folder, and answers its run and review link. */
async function recordAndUpload(requestId: string, recorder: string) {
  const recorded = await callApp(host, 'foia/requests', {
    method: 'POST',
    headers: principalHeader(recorder, ['Foia.Submit']),
    body: JSON.stringify({ requestId, requester: 'reporter@news.example', receivedDate: '2026-11-20' }),
  });
  assert.equal(recorded.status, 201);
  const letter = `Memorandum ${requestId}\nThe harbor permit review met on 3 November 2026 and approved the plan.\n`;
  await blobService()
    .getContainerClient('foia-inbox')
    .getBlockBlobClient(`${requestId}/letter.txt`)
    .upload(letter, Buffer.byteLength(letter));
  const link = await waitFor(
    `the review link for ${requestId}`,
    async () => (await outbox()).find((n) => n.kind === 'review-requested' && n.subjectId === requestId && n.url)?.url,
    60_000,
  );
  const instanceId = (await outbox()).find((n) => n.url === link)!.instanceId.replace(/:review$/, '');
  return { link, instanceId };
}

test('whoever recorded a FOIA request cannot review its release, even as the configured reviewer', async () => {
  const { link, instanceId } = await recordAndUpload(`REQ-SELF-${tag}`, COUNSEL);
  const run = (await durableApi(host).status(instanceId, '&showInput=true')).input as { recordedBy?: string };
  assert.equal(run.recordedBy, COUNSEL, 'the run carries the principal that recorded the request');
  const opened = await openReviewLink(link, principalHeader(COUNSEL));
  assert.equal(opened.status, 403);
  assert.match(opened.html, /You submitted this item, so you cannot review it/);
  assert.equal((await durableApi(host).status(instanceId)).runtimeStatus, 'Running', 'nothing was decided');
  await durableApi(host).post(`instances/${instanceId}/terminate?reason=test`);
});

test('the same reviewer opens a release recorded by someone else', async () => {
  const { link, instanceId } = await recordAndUpload(`REQ-OTHER-${tag}`, 'records.clerk@agency.example');
  const opened = await openReviewLink(link, principalHeader(COUNSEL));
  assert.equal(opened.status, 200, opened.html.slice(0, 300));
  await durableApi(host).post(`instances/${instanceId}/terminate?reason=test`);
});
