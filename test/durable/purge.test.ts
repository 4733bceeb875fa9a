import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { TableClient } from '@azure/data-tables';
import type { RunningHost } from '../../local/host/index';
import { BlobAuditSink } from '../../shared/audit/blob-sink';
import { verifyAudit } from '../../shared/audit/verify';
import { auditStorage, DAY, headKey, writeRecords } from '../audit/support';
import { durableApi } from '../support/durable';
import { blobService, testStorage } from '../support/storage';
import { startFixtureHost } from './fixture-host';

const run = Date.now().toString(36);
const hub = `PurgeHub${run}`;
const id = (name: string) => `purge-${name}-${run}`;
const DAY_MS = 86_400_000;
let host: RunningHost;
let api: ReturnType<typeof durableApi>;

/** The built `enclave` command, run asynchronously (the host under test lives in this process). */
async function enclave(...args: string[]): Promise<string> {
  const bin = path.join(__dirname, '..', '..', '..', 'bin', 'enclave.js');
  const { stdout } = await promisify(execFile)(process.execPath, [
    bin,
    ...args,
    '--host',
    host.url,
    '--key',
    host.keys.system,
  ]);
  return stdout;
}

const historyRows = async (instanceId: string) => {
  const table = TableClient.fromConnectionString(testStorage(), `${hub}History`, { allowInsecureConnection: true });
  let n = 0;
  for await (const _ of table.listEntities({ queryOptions: { filter: `PartitionKey eq '${instanceId}'` } })) n++;
  return n;
};
const largeMessages = async (instanceId: string) => {
  const container = blobService().getContainerClient(`${hub.toLowerCase()}-largemessages`);
  const names: string[] = [];
  for await (const blob of container.listBlobsFlat({ prefix: `${instanceId}/` })) names.push(blob.name);
  return names;
};
const management = (route: string, method = 'GET') =>
  fetch(`${host.url}/runtime/webhooks/durabletask/${route}${route.includes('?') ? '&' : '?'}code=${host.keys.system}`, {
    method,
  });

before(async () => {
  host = await startFixtureHost(hub);
  api = durableApi(host);
  // Old: created on 2026-11-30 (the test clock's start). One of each finished status, plus one still running.
  await api.start('large', id('old-large'), { text: 'y'.repeat(40_000) });
  await api.start('chain', id('old-chain'));
  await api.start('failing', id('old-failing'));
  await api.start('approval', id('old-running'), { timeoutMs: 30 * DAY_MS });
  await api.start('approval', id('old-terminated'), { timeoutMs: 30 * DAY_MS });
  await api.until(id('old-terminated'), (s) => s.runtimeStatus === 'Running');
  await api.post(`instances/${id('old-terminated')}/terminate?reason=test`);
  for (const name of ['old-large', 'old-chain', 'old-failing', 'old-terminated']) await api.until(id(name));
  await api.until(id('old-running'), (s) => s.runtimeStatus === 'Running');
  // New: two days later, after the cutoff.
  await host.clock.advance(2 * DAY_MS);
  await api.start('chain', id('new-chain'));
  await api.until(id('new-chain'));
});
after(async () => host.stop());

const CUTOFF = '2026-12-01T00:00:00Z';
const OLD_FINISHED = ['old-large', 'old-chain', 'old-failing', 'old-terminated'];

describe('purge-history removes finished instances older than a cutoff from the task hub', () => {
  test('the dry run counts and lists what would go, and deletes nothing', async () => {
    const out = await enclave('durable', 'purge-history', '--created-before', CUTOFF, '--dry-run');
    assert.match(out, /dry run: 4 instance\(s\) would be purged/);
    for (const name of OLD_FINISHED) assert.match(out, new RegExp(id(name)));
    assert.doesNotMatch(out, new RegExp(`${id('old-running')}|${id('new-chain')}`));
    for (const name of OLD_FINISHED) assert.notEqual((await api.status(id(name))).runtimeStatus, 'NotFound');
  });

  test('running instances are never purged, even when asked for by status', async () => {
    await assert.rejects(
      enclave('durable', 'purge-history', '--created-before', CUTOFF, '--runtime-status', 'running'),
      /Running instances are never purged/,
    );
    const direct = await management(
      `instances?createdTimeFrom=2000-01-01T00:00:00Z&createdTimeTo=${CUTOFF}&runtimeStatus=Running`,
      'DELETE',
    );
    assert.equal(direct.status, 404, 'nothing deleted');
    const byId = await management(`instances/${id('old-running')}`, 'DELETE');
    assert.equal(byId.status, 200);
    assert.deepEqual(await byId.json(), { instancesDeleted: 0 });
    assert.equal((await api.status(id('old-running'))).runtimeStatus, 'Running');
  });

  test('the management API wants createdTimeFrom, as the extension does', async () => {
    const response = await management('instances', 'DELETE');
    assert.equal(response.status, 400);
    assert.equal(await response.text(), "Please provide value for 'createdTimeFrom' parameter.");
  });

  test('purge deletes history, instance rows and large messages of the old finished ones; the rest stays and runs', async () => {
    assert.ok((await largeMessages(id('old-large'))).length > 0, 'the large input/output went to blobs');
    for (const name of OLD_FINISHED) assert.ok((await historyRows(id(name))) > 0);

    const out = await enclave('durable', 'purge-history', '--created-before', CUTOFF);
    assert.match(out, /^Purged 4 instance\(s\)/m);
    for (const name of OLD_FINISHED) {
      assert.equal((await api.status(id(name))).runtimeStatus, 'NotFound', name);
      assert.equal(await historyRows(id(name)), 0, `${name} history rows`);
    }
    assert.deepEqual(await largeMessages(id('old-large')), []);
    assert.equal((await api.status(id('new-chain'))).runtimeStatus, 'Completed');
    // The running one survived whole: it still takes its event and completes.
    assert.equal(await api.raise(id('old-running'), 'Approval', 'ada'), 202);
    const done = await api.until(id('old-running'));
    assert.deepEqual(done.output, { outcome: 'approved', by: 'ada' });

    // The management API lists none of the purged instances.
    const again = await enclave('durable', 'get-instances', '--created-before', CUTOFF);
    assert.deepEqual(
      (JSON.parse(again) as { instanceId: string }[]).map((s) => s.instanceId),
      [id('old-running')],
    );
  });

  test('DELETE .../instances/{id} purges one finished instance; a second time it is 404', async () => {
    const first = await management(`instances/${id('new-chain')}`, 'DELETE');
    assert.equal(first.status, 200);
    assert.deepEqual(await first.json(), { instancesDeleted: 1 });
    assert.equal(await historyRows(id('new-chain')), 0);
    assert.equal((await management(`instances/${id('new-chain')}`, 'DELETE')).status, 404);
  });

  test('the audit trail in the same storage account is untouched: verify passes after a purge', async () => {
    const s = auditStorage(`purge${run}`);
    await writeRecords(new BlobAuditSink(s.container, s.heads, { key: headKey, writer: 'purge' }), 20);
    const before = await verifyAudit(s.container, s.heads, DAY, DAY, headKey);
    assert.equal(before.ok, true);
    await api.start('chain', id('audit-chain'));
    await api.until(id('audit-chain'));
    const purged = await management(
      `instances?createdTimeFrom=2000-01-01T00:00:00Z&createdTimeTo=2100-01-01T00:00:00Z`,
      'DELETE',
    );
    assert.equal(purged.status, 200);
    const afterPurge = await verifyAudit(s.container, s.heads, DAY, DAY, headKey);
    assert.deepEqual(afterPurge.problems, []);
    assert.equal(afterPurge.ok, true);
    assert.equal(afterPurge.records, before.records);
  });
});
