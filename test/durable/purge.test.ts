import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { RunningHost } from '../../local/host/index';
import { enclaveAsync } from '../support/cli';
import { durableApi } from '../support/durable';
import { blobService } from '../support/storage';
import { startFixtureHost } from './fixture-host';

const tag = Date.now().toString(36);
const hub = `PurgeHub${tag}`;
const id = (name: string) => `${name}-${tag}`;
let host: RunningHost;
let api: ReturnType<typeof durableApi>;

before(async () => {
  host = await startFixtureHost(hub);
  api = durableApi(host);
});
after(async () => host.stop());

const cli = (...args: string[]) => enclaveAsync(['durable', ...args, '--host', host.url, '--key', host.keys.system]);
const payloads = async (instanceId: string) => {
  const names: string[] = [];
  const container = blobService().getContainerClient(`${hub.toLowerCase()}-largemessages`);
  for await (const blob of container.listBlobsFlat({ prefix: `${instanceId}/` })) names.push(blob.name);
  return names;
};

test('purge-history: a dry run counts, then finished instances go with their large messages; a running one stays', async () => {
  await api.start('large', id('large'), { text: 'short' });
  await api.start('chain', id('chain'));
  await api.start('approval', id('waiting'), { timeoutMs: 24 * 3600_000 });
  assert.equal((await api.until(id('large'), undefined, 60_000)).runtimeStatus, 'Completed');
  assert.equal((await api.until(id('chain'))).runtimeStatus, 'Completed');
  await api.until(id('waiting'), (s) => s.runtimeStatus === 'Running');
  assert.ok((await payloads(id('large'))).length > 0, 'the large output lives in a blob of the hub');

  const future = '2027-01-01T00:00:00Z';
  const dry = await cli('purge-history', '--created-before', future, '--dry-run');
  assert.equal(dry.code, 0, dry.stderr);
  assert.match(dry.stdout, /Would purge 2 instance\(s\) \(dry run: nothing deleted\)/);
  assert.equal((await api.status(id('large'))).runtimeStatus, 'Completed', 'a dry run deletes nothing');

  const refused = await cli('purge-history', '--runtime-status', 'Running');
  assert.notEqual(refused.code, 0);
  assert.match(refused.stderr, /--runtime-status: Running is not finished/);

  const purged = await cli('purge-history', '--created-before', future);
  assert.equal(purged.code, 0, purged.stderr);
  assert.match(purged.stdout, /Purged 2 instance\(s\)/);
  for (const gone of [id('large'), id('chain')]) assert.equal((await api.status(gone)).runtimeStatus, 'NotFound');
  assert.deepEqual(await payloads(id('large')), [], 'its large messages went too');
  assert.equal((await api.status(id('waiting'))).runtimeStatus, 'Running', 'a running instance is never purged');

  const single = await fetch(
    `${host.url}/runtime/webhooks/durabletask/instances/${id('waiting')}?code=${host.keys.system}`,
    {
      method: 'DELETE',
    },
  );
  assert.equal(single.status, 409, 'nor by its id');
  assert.equal((await api.status(id('waiting'))).runtimeStatus, 'Running');
  await api.post(`instances/${id('waiting')}/terminate?reason=test`);
});

test("Core Tools' `func durable` verbs with their option names", async () => {
  const started = await cli(
    'start-new',
    '--function-name',
    'approval',
    '--id',
    id('verbs'),
    '--input',
    '{"timeoutMs":86400000}',
  );
  assert.equal(started.code, 0, started.stderr);
  assert.equal((JSON.parse(started.stdout) as { id: string }).id, id('verbs'));
  await api.until(id('verbs'), (s) => s.runtimeStatus === 'Running');
  const status = await cli('get-runtime-status', '--id', id('verbs'), '--show-input');
  assert.equal(status.code, 0, status.stderr);
  const body = JSON.parse(status.stdout) as { runtimeStatus: string; input: unknown };
  assert.deepEqual([body.runtimeStatus, body.input], ['Running', { timeoutMs: 86400000 }]);
  const raised = await cli(
    'raise-event',
    '--id',
    id('verbs'),
    '--event-name',
    'Approval',
    '--event-data',
    '{"reviewer":"dr.lee"}',
  );
  assert.equal(raised.code, 0, raised.stderr);
  assert.deepEqual((await api.until(id('verbs'))).output, { outcome: 'approved', by: { reviewer: 'dr.lee' } });
  const history = await cli('get-history', '--id', id('verbs'));
  const events = (JSON.parse(history.stdout) as { EventType: string }[]).map((e) => e.EventType);
  assert.ok(events.includes('EventRaised') && events.includes('ExecutionCompleted'), events.join(', '));
  const listed = await cli('get-instances', '--runtime-status', 'Completed', '--top', '50');
  assert.ok((JSON.parse(listed.stdout) as { instanceId: string }[]).some((i) => i.instanceId === id('verbs')));
  const bad = await cli('raise-event', '--id', id('verbs'), '--event-name', 'Approval', '--event-data', '{nope');
  assert.notEqual(bad.code, 0);
  assert.match(bad.stderr, /--event-data: not valid JSON/);
});
