import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { RunningHost } from '../../local/host/index';
import { callApp, repoRoot, startAppHost } from '../support/app-host';
import { blobService, waitFor } from '../support/storage';

const fixture = JSON.parse(readFileSync(path.join(repoRoot, 'test/fixtures/radiology/chest-ct-critical.json'), 'utf8'));
const tag = Date.now().toString(36);
let host: RunningHost;
const logs: string[] = [];

before(async () => {
  host = await startAppHost(`SecBodies${tag}`, {}, undefined, [], (level, message) => logs.push(`${level} ${message}`));
});
after(async () => host.stop());

test('every JSON endpoint refuses an oversized body with 413, naming its limit', async () => {
  const cases: [string, number][] = [
    ['radiology/studies', 256 * 1024],
    ['foia/requests', 8 * 1024],
    ['var/runs', 4 * 1024],
  ];
  for (const [route, limit] of cases) {
    const body = JSON.stringify({ ...fixture, dictation: 'x'.repeat(limit) });
    const response = await callApp(host, route, { method: 'POST', body });
    assert.equal(response.status, 413, route);
    const answer = (await response.json()) as { error: string; where: string };
    assert.deepEqual(answer, {
      error: `the body is larger than this endpoint's limit of ${limit} bytes`,
      where: 'body',
    });
  }
  const form = `t=x&text=${'x'.repeat(1024 * 1024)}`;
  const review = await fetch(`${host.url}/api/review/decide`, { method: 'POST', body: form });
  assert.equal(review.status, 413);
  assert.match(await review.text(), /limit of 1048576 bytes/);
});

test('a body that is not JSON is refused without quoting it (it may be PHI), over HTTP and from the inbox', async () => {
  // JSON.parse's own message quotes the text around the fault: here, the patient's name and MRN.
  const phi = `{"patient": O'Connell Margaret, MRN-00482913}`;
  const response = await callApp(host, 'radiology/studies', { method: 'POST', body: phi });
  assert.equal(response.status, 400);
  const text = await response.text();
  assert.match(text, /not valid JSON/);
  assert.doesNotMatch(text, /Connell|Margaret|MRN-0048|patient/);

  const name = `sec-broken-${tag}.json`;
  await blobService().getContainerClient('radiology-inbox').createIfNotExists();
  await blobService().getContainerClient('radiology-inbox').getBlockBlobClient(name).upload(phi, phi.length);
  await host.app.invoke('radiologyInbox', { bytes: Buffer.from(phi) }, { name: { string: name } });
  const rejected = blobService().getContainerClient('radiology-inbox-rejected');
  const reason = await waitFor('the reason', async () =>
    (await rejected.getBlockBlobClient(`${name}.reason.txt`).exists())
      ? (await rejected.getBlockBlobClient(`${name}.reason.txt`).downloadToBuffer()).toString('utf8')
      : undefined,
  );
  assert.match(reason, /not valid JSON \(at character \d+\)|not valid JSON/);
  for (const line of [reason, ...logs]) assert.doesNotMatch(line, /Connell|Margaret|MRN-0048/, line);
});
