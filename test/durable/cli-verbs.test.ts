import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import type { RunningHost } from '../../local/host/index';
import { durableApi } from '../support/durable';
import { startFixtureHost } from './fixture-host';

const run = Date.now().toString(36);
let host: RunningHost;
let api: ReturnType<typeof durableApi>;

async function durable(...args: string[]): Promise<string> {
  const bin = path.join(__dirname, '..', '..', '..', 'bin', 'enclave.js');
  const target = ['--host', host.url, '--key', host.keys.system];
  return (await promisify(execFile)(process.execPath, [bin, 'durable', ...args, ...target])).stdout;
}

before(async () => {
  host = await startFixtureHost(`CliVerbsHub${run}`);
  api = durableApi(host);
});
after(async () => host.stop());

describe("enclave durable takes Core Tools' func durable verbs and option names", () => {
  test('start-new, get-runtime-status, raise-event, get-history', async () => {
    const id = `cli-approval-${run}`;
    const started = await durable(
      'start-new',
      '--function-name',
      'approval',
      '--id',
      id,
      '--input',
      '{"timeoutMs": 86400000}',
    );
    assert.match(started, new RegExp(`Started 'approval' with instance id '${id}'`));
    await api.until(id, (s) => s.runtimeStatus === 'Running');
    const status = JSON.parse(await durable('get-runtime-status', '--id', id, '--show-input')) as Record<
      string,
      unknown
    >;
    assert.equal(status.runtimeStatus, 'Running');
    assert.deepEqual(status.input, { timeoutMs: 86_400_000 });
    assert.match(
      await durable('raise-event', '--id', id, '--event-name', 'Approval', '--event-data', '"grace"'),
      /raised Approval/,
    );
    assert.deepEqual((await api.until(id)).output, { outcome: 'approved', by: 'grace' });
    const history = JSON.parse(await durable('get-history', '--id', id)) as { EventType: string; Name?: string }[];
    assert.ok(history.some((e) => e.EventType === 'EventRaised' && e.Name === 'Approval'));
    assert.ok(history.some((e) => e.EventType === 'ExecutionCompleted'));
  });

  test('terminate and get-instances --runtime-status', async () => {
    const id = `cli-terminate-${run}`;
    await durable('start-new', '--function-name', 'approval', '--id', id, '--input', '{"timeoutMs": 86400000}');
    await api.until(id, (s) => s.runtimeStatus === 'Running');
    assert.match(await durable('terminate', '--id', id, '--reason', 'cli test'), /terminating/);
    await api.until(id);
    const terminated = JSON.parse(await durable('get-instances', '--runtime-status', 'terminated')) as {
      instanceId: string;
    }[];
    assert.deepEqual(
      terminated.map((s) => s.instanceId),
      [id],
    );
  });

  test('a misspelt status is refused with the ones that exist', async () => {
    await assert.rejects(durable('get-instances', '--runtime-status', 'finished'), /unknown runtime status "finished"/);
  });
});
