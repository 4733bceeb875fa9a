import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { wallClock } from '../../local/host/clock';
import { type RunningHost, startHost } from '../../local/host/index';
import { durableApi } from '../support/durable';
import { testStorage } from '../support/storage';

const fixtureFunctions = path.join(__dirname, '..', 'fixtures', 'durable-app', 'functions');
/** The durable fixture app under a host.json that allows two activities at once. */
const appDir = mkdtempSync(path.join(tmpdir(), 'enclave-limits-'));
let host: RunningHost;

before(async () => {
  writeFileSync(
    path.join(appDir, 'host.json'),
    JSON.stringify({ version: '2.0', extensions: { durableTask: { maxConcurrentActivityFunctions: 2 } } }),
  );
  host = await startHost({
    appDir,
    main: `${path.relative(appDir, fixtureFunctions).split(path.sep).join('/')}/*.js`,
    port: 0,
    storageConnectionString: testStorage(),
    hubName: 'LimitsHub',
    clock: wallClock(),
    log: () => {},
  });
});
after(async () => {
  await host.stop();
  rmSync(appDir, { recursive: true, force: true });
});

test('maxConcurrentActivityFunctions: 2 — a fan-out of 12 never runs more than 2 activities at once', async () => {
  const api = durableApi(host);
  const id = `limits-${Date.now().toString(36)}`;
  await api.start('fanOut', id, { n: 12, activity: 'concurrencyProbe' });
  const output = (await api.until(id)).output as { results: number[] };
  assert.equal(output.results.length, 12);
  assert.equal(Math.max(...output.results), 2);
});

test('POST /admin/clock does not exist on a wall-clock host', async () => {
  const response = await fetch(`${host.url}/admin/clock`, { method: 'POST', body: '{"advanceMs":1000}' });
  assert.equal(response.status, 404);
});
