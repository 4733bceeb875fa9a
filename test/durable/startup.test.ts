import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TableClient } from '@azure/data-tables';
import { EventType } from '../../local/host/durable/history';
import { DurableStore } from '../../local/host/durable/store';
import type { RunningHost } from '../../local/host/index';
import { durableApi } from '../support/durable';
import { testStorage, waitFor } from '../support/storage';
import { startFixtureHost } from './fixture-host';

const hubName = 'StartupHub';
const start = () => startFixtureHost(hubName, { clock: undefined });
const historyTable = () =>
  TableClient.fromConnectionString(testStorage(), `${hubName}History`, { allowInsecureConnection: true });

test('a restarted host loads every instance before any runs: a child finishing early cannot reset its parent', async () => {
  // Instances are recovered in id order and a default child id is hex, so the child comes first (as a VaR model call).
  const parentId = `zz-startup-${Date.now().toString(36)}`;
  let host: RunningHost = await start();
  let api = durableApi(host);
  assert.equal((await api.start('stepThenChild', parentId)).status, 202);
  const history = historyTable();
  const childId = await waitFor('the child with its activity persisted', async () => {
    const list = (await (
      await fetch(`${host.url}/runtime/webhooks/durabletask/instances/?code=${host.keys.system}`)
    ).json()) as { instanceId: string; name: string; input: { key?: string } | null }[];
    const child = list.find((i) => i.name === 'squareChild' && i.input?.key === parentId);
    if (!child) return undefined;
    // The History row of the episode that dispatched the activity lists it as work.
    for await (const row of history.listEntities({ queryOptions: { filter: `PartitionKey eq '${child.instanceId}'` } }))
      if (String(row.rowKey).startsWith('h-') && String(row.data).includes('"work"')) return child.instanceId;
    return undefined;
  });
  await host.stop(200); // the child's first activity call (5 s) is cut off: the new host runs it again

  // Hold the parent's partition read, as a slow read at start-up would: the child must not run meanwhile.
  const read = DurableStore.prototype.readPartition;
  let held = false;
  DurableStore.prototype.readPartition = async function (this: DurableStore, partition: string) {
    if (partition === parentId && !held) {
      held = true;
      await new Promise((r) => setTimeout(r, 1500));
    }
    return read.call(this, partition);
  };
  try {
    host = await start();
  } finally {
    DurableStore.prototype.readPartition = read;
  }
  api = durableApi(host);
  try {
    assert.ok(held, `the parent ${parentId} was recovered (child ${childId})`);
    const s = await api.until(parentId, undefined, 15_000);
    assert.equal(s.runtimeStatus, 'Completed');
    assert.deepEqual(s.output, { first: 2, square: 9 });
    const events = (await api.status(parentId, '&showHistory=true')).historyEvents!.map((e) => e.EventType);
    assert.equal(events[0], 'ExecutionStarted');
    assert.equal(events.filter((e) => e === 'SubOrchestrationInstanceCompleted').length, 1);
    assert.equal(events.filter((e) => e === 'TaskCompleted').length, 1);
  } finally {
    await host.stop();
  }
});

test('a completion for a task its execution never scheduled (left from an earlier history) is never applied', async () => {
  const id = `stale-${Date.now().toString(36)}`;
  let host = await start();
  await durableApi(host).start('events', id, { n: 1 });
  const history = historyTable();
  const checkpoint = await waitFor('the first checkpoint', () =>
    history.getEntity<{ data: string }>(id, 'checkpoint').then(
      (e) => JSON.parse(e.data) as { executionId: string },
      () => undefined,
    ),
  );
  await host.stop();
  const exec = checkpoint.executionId;
  const stale = {
    key: `sub-${exec}-6`,
    order: 1,
    executionId: exec,
    event: {
      EventType: EventType.SubOrchestrationInstanceCompleted,
      EventId: -1,
      IsPlayed: false,
      Timestamp: new Date().toISOString(),
      TaskScheduledId: 6,
      Result: '1',
    },
    meta: {},
  };
  await history.upsertEntity({ partitionKey: id, rowKey: `p-${stale.key}`, data: JSON.stringify(stale) }, 'Replace');

  host = await start();
  const api = durableApi(host);
  try {
    assert.equal(await api.raise(id, 'e', null), 202);
    const s = await api.until(id);
    assert.equal(s.output, 1);
    const events = (await api.status(id, '&showHistory=true')).historyEvents!.map((e) => e.EventType);
    assert.ok(!events.includes('SubOrchestrationInstanceCompleted'), events.join(', '));
    await assert.rejects(history.getEntity(id, `p-${stale.key}`), 'the stale row is deleted');
  } finally {
    await host.stop();
  }
});
