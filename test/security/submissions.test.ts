import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { RunningHost } from '../../local/host/index';
import { callApp, repoRoot, startAppHost } from '../support/app-host';
import { auditRecordsOf } from '../support/audit';
import { durableApi } from '../support/durable';
import { blobService } from '../support/storage';

const fixture = JSON.parse(readFileSync(path.join(repoRoot, 'test/fixtures/radiology/chest-ct-critical.json'), 'utf8'));
const tag = Date.now().toString(36).toUpperCase();
let host: RunningHost;

// 03:00 in New York on Tuesday 2027-02-02: the desk's 5 AM report for today has not started yet.
const NOW = Date.parse('2027-02-02T08:00:00Z');
before(async () => {
  host = await startAppHost(`SecSubmit${tag}`, { WEBSITE_TIME_ZONE: 'America/New_York', VAR_CUTOFF_HOURS: '3' }, NOW);
});
after(async () => host.stop());

const post = (route: string, body: unknown, key: 'function' | 'master' = 'function') =>
  callApp(host, route, { method: 'POST', body: JSON.stringify(body) }, key);

test("a second FOIA request with the same id never rewrites the first's received date (409)", async () => {
  const requestId = `REQ-SEC-${tag}`;
  const first = { requestId, requester: 'reporter@news.example', receivedDate: '2026-11-20' };
  assert.equal((await post('foia/requests', first)).status, 201);
  assert.equal((await post('foia/requests', first)).status, 200, 'the same request again changes nothing');
  const second = await post('foia/requests', { ...first, receivedDate: '2026-12-20' });
  assert.equal(second.status, 409);
  assert.equal(((await second.json()) as { where: string }).where, 'requestId');
  const stored = blobService().getContainerClient('foia-inbox').getBlockBlobClient(`${requestId}/request.json`);
  assert.deepEqual(JSON.parse((await stored.downloadToBuffer()).toString('utf8')), first);
});

test("a radiology submission never replaces a stored study's content (409)", async () => {
  const accession = `ACC-SEC-OVR-${tag}`;
  const original = JSON.stringify({ ...fixture, accessionNumber: accession });
  const studies = blobService().getContainerClient('radiology-studies');
  await studies.createIfNotExists();
  await studies.getBlockBlobClient(`${accession}.json`).upload(original, Buffer.byteLength(original));
  const changed = { ...fixture, accessionNumber: accession, dictation: 'Normal study. No pneumothorax.' };
  const response = await post('radiology/studies', changed);
  assert.equal(response.status, 409);
  assert.match(((await response.json()) as { error: string }).error, /never replaces it/);
  assert.equal((await studies.getBlockBlobClient(`${accession}.json`).downloadToBuffer()).toString('utf8'), original);
  assert.equal((await durableApi(host).status(`radiology-${accession}`)).runtimeStatus, 'NotFound');
});

test("a caller cannot cancel the day's VaR report: no chosen cutoff, and a run by hand waits as long as the 5 AM run", async () => {
  const today = '2027-02-02';
  const attack = await post('var/runs', { date: today, cutoffAt: '2027-02-02T07:00:00Z' });
  assert.equal(attack.status, 403);
  assert.equal(((await attack.json()) as { where: string }).where, 'cutoffAt');
  assert.equal((await durableApi(host).status(`var-${today}`)).runtimeStatus, 'NotFound', 'nothing started');
  const future = await post('var/runs', { date: '2027-02-03' });
  assert.equal(future.status, 400, 'tomorrow starts on its schedule');
  assert.equal((await durableApi(host).status('var-2027-02-03')).runtimeStatus, 'NotFound');

  const byHand = await post('var/runs', { date: today });
  assert.equal(byHand.status, 202);
  // 5 AM New York is 10:00Z; plus VAR_CUTOFF_HOURS=3. Starting at 3 AM does not end the wait any earlier.
  const run = (await durableApi(host).status(`var-${today}`, '&showInput=true')).input as { cutoffAt: string };
  assert.equal(run.cutoffAt, '2027-02-02T13:00:00.000Z');
  await durableApi(host).post(`instances/var-${today}/terminate?reason=test`);
});

test('an operator may choose a cutoff with the admin key, and that choice is audited', async () => {
  const date = '2027-01-29';
  const response = await post('var/runs/operator', { date, cutoffAt: '2027-02-02T09:00:00Z' }, 'master');
  assert.equal(response.status, 202);
  const records = await auditRecordsOf([`var-${date}`]);
  const set = records.find((r) => r.event === 'cutoff-set');
  assert.deepEqual([set?.actor, set?.detail], ['admin-key', 'operator cutoff 2027-02-02T09:00:00.000Z']);
  await durableApi(host).post(`instances/var-${date}/terminate?reason=test`);
});
