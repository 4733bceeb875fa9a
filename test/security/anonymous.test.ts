import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { RunningHost } from '../../local/host/index';
import { callApp, repoRoot, startAppHost } from '../support/app-host';
import { durableApi } from '../support/durable';

let host: RunningHost;
before(async () => {
  host = await startAppHost(`SecAnon${Date.now().toString(36)}`);
});
after(async () => host.stop());

const study = JSON.stringify({ accessionNumber: 'ACC-SEC-ANON' });

test('every endpoint that starts or reads a run refuses an anonymous caller (401) on the real host', async () => {
  const calls: [string, RequestInit][] = [
    ['radiology/studies', { method: 'POST', body: study }],
    ['radiology/studies/ACC-2026-118842', {}],
    ['foia/requests', { method: 'POST', body: '{}' }],
    ['var/runs', { method: 'POST', body: '{"date":"2026-11-30"}' }],
    ['var/runs/operator', { method: 'POST', body: '{"date":"2026-11-30"}' }],
    ['review', {}],
  ];
  for (const [route, init] of calls) {
    const response = await fetch(`${host.url}/api/${route}`, init);
    assert.equal(response.status, 401, `${init.method ?? 'GET'} /api/${route} answered ${response.status}`);
  }
  const wrongKey = await fetch(`${host.url}/api/radiology/studies/ACC-2026-118842`, {
    headers: { 'x-functions-key': 'guessed-key' },
  });
  assert.equal(wrongKey.status, 401);
});

test("the operator's routes take the admin key only, not the function key", async () => {
  const body = JSON.stringify({ date: '2026-11-30', cutoffAt: '2026-11-30T06:00:00Z' });
  assert.equal((await callApp(host, 'var/runs/operator', { method: 'POST', body })).status, 401);
  assert.equal((await callApp(host, 'review')).status, 401, 'the outbox lists every reviewer’s links');
});

test('health and the review opener stay anonymous, and the opener shows nothing of a review', async () => {
  const health = await fetch(`${host.url}/api/health`);
  assert.equal(health.status, 200);
  assert.deepEqual(Object.keys((await health.json()) as object).sort(), [
    'checkedAt',
    'environment',
    'functionsLoaded',
    'status',
    'storage',
    'version',
  ]);
  const opener = await fetch(`${host.url}/api/review/open`);
  assert.equal(opener.status, 200);
  assert.doesNotMatch(await opener.text(), /name="csrf"|Review for/);
});

test('without App Service Authentication, identity headers a caller sends are ignored', async () => {
  const fixture = JSON.parse(
    readFileSync(path.join(repoRoot, 'test/fixtures/radiology/chest-ct-critical.json'), 'utf8'),
  );
  const accessionNumber = `ACC-SEC-HDR-${Date.now().toString(36).toUpperCase()}`;
  const response = await callApp(host, 'radiology/studies', {
    method: 'POST',
    headers: { 'x-ms-client-principal-name': 'chief.radiologist@hospital.example', 'x-forwarded-for': '203.0.113.9' },
    body: JSON.stringify({ ...fixture, accessionNumber }),
  });
  assert.equal(response.status, 202);
  const id = `radiology-${accessionNumber}`;
  const run = (await durableApi(host).status(id, '&showInput=true')).input as Record<string, string>;
  assert.deepEqual([run.requestedBy, run.ipAddress], ['function-key', '127.0.0.1']);
  await durableApi(host).post(`instances/${id}/terminate?reason=test`);
});
