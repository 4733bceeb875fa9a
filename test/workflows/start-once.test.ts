import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { RunningHost } from '../../local/host/index';
import type { RunningModelServer } from '../../local/model/server';
import { foiaInstanceId } from '../../workflows/foia/instance-id';
import { callApp, repoRoot, startAppHost } from '../support/app-host';
import { durableApi } from '../support/durable';
import { endpointsOf, localModelServer } from '../support/model';
import { blobService } from '../support/storage';

const fixture = JSON.parse(readFileSync(path.join(repoRoot, 'test/fixtures/radiology/chest-ct-critical.json'), 'utf8'));
const tag = Date.now().toString(36).toUpperCase();
const STARTED = (s: { runtimeStatus: string }) => s.runtimeStatus !== 'NotFound';
let server: RunningModelServer;
let host: RunningHost;

// 03:00 in New York on Tuesday 2027-02-02: today's VaR run may be started by hand.
before(async () => {
  server = await localModelServer();
  host = await startAppHost(
    `StartOnce${tag}`,
    {
      WEBSITE_TIME_ZONE: 'America/New_York',
      MODEL_ENDPOINTS: JSON.stringify(endpointsOf(server)),
      MODEL_API_KEY: server.apiKey,
    },
    Date.parse('2027-02-02T08:00:00Z'),
    ['foiaInbox'],
  );
});
after(async () => {
  await host.stop();
  await server.stop();
});

async function terminate(instanceId: string) {
  await durableApi(host).post(`instances/${instanceId}/terminate?reason=test`);
  await durableApi(host).until(instanceId, (s) => s.runtimeStatus === 'Terminated');
}

/** Starts a run by HTTP twice (the second is the same run), terminates it, and starts it a third time. */
async function startTwiceThenAgain(route: string, body: unknown, instanceId: string) {
  const start = async () => {
    const response = await callApp(host, route, { method: 'POST', body: JSON.stringify(body) });
    assert.equal(response.status, 202, `${route}: ${await response.clone().text()}`);
    const { instanceId: started, duplicate } = (await response.json()) as { instanceId: string; duplicate: boolean };
    return { instanceId: started, duplicate };
  };
  assert.deepEqual(await start(), { instanceId, duplicate: false });
  assert.deepEqual(await start(), { instanceId, duplicate: true }, `${instanceId} is still running: the same run`);
  await terminate(instanceId);
  assert.deepEqual(await start(), { instanceId, duplicate: false }, `${instanceId} starts again once terminated`);
  await terminate(instanceId);
}

test('radiology: a second submission while the run exists is the same run; after Terminated it starts again', async () => {
  const accession = `ACC-ONCE-${tag}`;
  await startTwiceThenAgain('radiology/studies', { ...fixture, accessionNumber: accession }, `radiology-${accession}`);
});

test('VaR: a second run by hand for the same date is the same run; after Terminated it starts again', async () => {
  await startTwiceThenAgain('var/runs', { date: '2027-02-02' }, 'var-2027-02-02');
});

test('FOIA: the same document dropped again after its run was Terminated starts the run again', async () => {
  const letter = `Memorandum ${tag}\nThe harbor permit review met on 3 November 2026 and approved the plan.\n`;
  const instanceId = foiaInstanceId(Buffer.from(letter));
  const drop = (name: string) =>
    blobService()
      .getContainerClient('foia-inbox')
      .getBlockBlobClient(`REQ-ONCE-${tag}/${name}`)
      .upload(letter, Buffer.byteLength(letter));
  await drop('letter.txt');
  await durableApi(host).until(instanceId, STARTED, 60_000);
  await terminate(instanceId);
  await drop('letter-again.txt');
  const again = await durableApi(host).until(instanceId, (s) => s.runtimeStatus !== 'Terminated', 60_000);
  assert.notEqual(again.runtimeStatus, 'NotFound');
  await terminate(instanceId).catch(() => undefined);
});
