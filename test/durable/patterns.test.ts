import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { RunningHost } from '../../local/host/index';
import { durableApi } from '../support/durable';
import { startFixtureHost } from './fixture-host';

const run = `${Date.now().toString(36)}`;
const id = (name: string) => `${name}-${run}`;
let host: RunningHost;
let api: ReturnType<typeof durableApi>;

before(async () => {
  host = await startFixtureHost('PatternsHub');
  api = durableApi(host);
});
after(async () => host.stop());

describe('Durable patterns on the local host', () => {
  test('function chaining: values of every JSON type round-trip through activities exactly', async () => {
    const response = await api.start('chain', id('chain'));
    assert.equal(response.status, 202);
    assert.match(String(response.headers.get('location')), /\/runtime\/webhooks\/durabletask\/instances\/chain-/);
    const s = await api.until(id('chain'));
    assert.equal(s.runtimeStatus, 'Completed');
    assert.deepEqual(s.output, {
      result: 8,
      echoes: [
        { value: 'Ada', type: 'string' },
        { value: '123', type: 'string' },
        { value: 123, type: 'number' },
        { value: { nested: [1, 'two'] }, type: 'object' },
        { value: true, type: 'boolean' },
      ],
    });
  });

  test('fan-out/fan-in over 1,000 activities returns every result once, in order', async () => {
    await api.start('fanOut', id('fan'), { n: 1000 });
    const s = await api.until(id('fan'), undefined, 60_000);
    const output = s.output as { count: number; sum: number; results: number[] };
    assert.equal(output.count, 1000);
    assert.deepEqual(
      output.results,
      Array.from({ length: 1000 }, (_, i) => i * i),
    );
  });

  test('human interaction: the event wins before the deadline and the late event gets 410', async () => {
    await api.start('approval', id('approve'), { timeoutMs: 24 * 3600_000 });
    await api.until(id('approve'), (s) => s.runtimeStatus === 'Running');
    assert.equal(await api.raise(id('approve'), 'Approval', { reviewer: 'dr.lee' }), 202);
    const s = await api.until(id('approve'));
    assert.deepEqual(s.output, { outcome: 'approved', by: { reviewer: 'dr.lee' } });
    assert.equal(await api.raise(id('approve'), 'Approval', {}), 410);
  });

  test('human interaction: a 24-hour timeout fires in milliseconds on the test clock', async () => {
    await api.start('approval', id('timeout'), { timeoutMs: 24 * 3600_000 });
    await api.until(id('timeout'), (s) => s.runtimeStatus === 'Running');
    await host.clock.advance(24 * 3600_000);
    const s = await api.until(id('timeout'));
    assert.equal((s.output as { outcome: string }).outcome, 'timed-out');
  });

  test('an event raised before the orchestrator waits for it is kept and delivered', async () => {
    await api.start('eternal', id('early'), { total: 0 });
    assert.equal(await api.raise(id('early'), 'tick', { add: 5 }), 202);
    assert.equal(await api.raise(id('early'), 'tick', { add: 7, stop: true }), 202);
    const s = await api.until(id('early'));
    assert.deepEqual(s.output, { total: 12 });
  });

  /** Holds the instance while events are raised, so all of them reach it in one batch when it resumes. */
  const raiseTogether = async (instanceId: string, events: [string, unknown][]) => {
    await api.until(instanceId, (s) => s.runtimeStatus === 'Running');
    await api.post(`instances/${instanceId}/suspend`);
    await api.until(instanceId, (s) => s.runtimeStatus === 'Suspended');
    for (const [name, data] of events) assert.equal(await api.raise(instanceId, name, data), 202);
    await api.post(`instances/${instanceId}/resume`);
  };

  test('continueAsNew after one event of a batch: the rest reach the next executions, none lost', async () => {
    await api.start('eternal', id('burst'), { total: 0 });
    await raiseTogether(id('burst'), [
      ['tick', { add: 1 }],
      ['tick', { add: 2 }],
      ['tick', { add: 3 }],
      ['tick', { add: 4 }],
      ['tick', { add: 5, stop: true }],
    ]);
    const s = await api.until(id('burst'), undefined, 10_000);
    assert.deepEqual(s.output, { total: 15 });
  });

  test('continueAsNew carries an event the execution received but never waited for', async () => {
    await api.start('alternating', id('alternate'), { log: [] });
    await raiseTogether(id('alternate'), [
      ['b', 'b1'],
      ['a', 'a1'],
      ['b', 'b2'],
      ['a', 'a2'],
    ]);
    const s = await api.until(id('alternate'), undefined, 10_000);
    assert.deepEqual(s.output, ['a1', 'b1', 'a2', 'b2']);
  });

  test('an event in the same batch as the timer that makes the orchestrator continue as new reaches the next execution', async () => {
    await api.start('deadlineLoop', id('deadline'), { log: [] });
    await api.until(id('deadline'), (s) => s.runtimeStatus === 'Running');
    await api.post(`instances/${id('deadline')}/suspend`);
    await api.until(id('deadline'), (s) => s.runtimeStatus === 'Suspended');
    await host.clock.advance(60_000); // the TimerFired is queued (and held) before the event raised next
    assert.equal(await api.raise(id('deadline'), 'A', 'late'), 202);
    await api.post(`instances/${id('deadline')}/resume`);
    const s = await api.until(id('deadline'), undefined, 10_000);
    assert.deepEqual(s.output, ['timeout', 'A:late']);
  });

  test('monitor: a timer loop with continueAsNew keeps a fresh history per execution', async () => {
    await api.start('monitor', id('monitor'), { count: 0, until: 3 });
    for (let i = 0; i < 3; i++) {
      await api.until(id('monitor'), (s) => (s.customStatus as { count?: number } | null)?.count === i);
      await new Promise((r) => setTimeout(r, 30));
      await host.clock.advance(60_000);
    }
    const s = await api.until(id('monitor'), undefined, 10_000);
    assert.deepEqual(s.output, { checks: 3 });
    const withHistory = await api.status(id('monitor'), '&showHistory=true');
    assert.equal(
      withHistory.historyEvents?.filter((e) => e.EventType === 'TimerCreated').length,
      0,
      'the last execution scheduled no timer',
    );
  });

  test('retries: succeeds on the third attempt; exhausting attempts surfaces the final error', async () => {
    await api.start('retrying', id('retry-ok'), { key: id('k1'), failTimes: 2, attempts: 3 });
    await api.start('retrying', id('retry-fail'), { key: id('k2'), failTimes: 9, attempts: 3 });
    for (let i = 0; i < 6; i++) {
      await new Promise((r) => setTimeout(r, 60));
      await host.clock.advance(5_000);
    }
    assert.equal((await api.until(id('retry-ok'))).output, 'ok after 3');
    const failed = await api.until(id('retry-fail'));
    assert.match(String((failed.output as { failed: string }).failed), /flaky failure 3/);
    const history = (await api.status(id('retry-fail'), '&showHistory=true')).historyEvents ?? [];
    assert.deepEqual(
      history
        .filter((e) => e.EventType === 'TaskScheduled' || e.EventType === 'TimerCreated')
        .map((e) => `${e.EventId}:${e.EventType}`),
      ['0:TaskScheduled', '1:TimerCreated', '2:TaskScheduled', '3:TimerCreated', '4:TaskScheduled', '5:TimerCreated'],
    );
  });

  test('sub-orchestrations: result and failure reach the parent, with the default child id', async () => {
    await api.start('parent', id('parent'));
    const s = await api.until(id('parent'));
    const output = s.output as { first: { doubled: number; parent: string }; failure: string };
    assert.deepEqual(output.first, { doubled: 42, parent: id('parent') });
    assert.match(output.failure, /child refused 5/);
  });

  test('an orchestrator that throws ends Failed with the documented output', async () => {
    await api.start('failing', id('failing'));
    const s = await api.until(id('failing'));
    assert.equal(s.runtimeStatus, 'Failed');
    assert.equal(s.output, "Orchestrator function 'failing' failed: the orchestrator gave up");
  });

  test('a replay whose actions no longer match history fails with a non-determinism error', async () => {
    await api.start('drifting', id('drift'));
    const s = await api.until(id('drift'));
    assert.equal(s.runtimeStatus, 'Failed');
    assert.match(
      String(s.output),
      /Non-deterministic workflow detected: action 0 was CallActivity\(double\) .* now CallActivity\(square\)/,
    );
  });

  test('payloads over 1 MB travel in and out (kept in blobs, not table rows)', async () => {
    const text = 'é'.repeat(1_100_000);
    await api.start('large', id('large'), { text });
    const s = await api.until(id('large'), undefined, 60_000);
    const output = s.output as { inputLength: number; output: string };
    assert.equal(output.inputLength, text.length);
    assert.equal(output.output.length, 1200 * 1024);
  });

  test('suspend holds events, resume delivers them, terminate ends with the reason', async () => {
    await api.start('approval', id('suspend'), { timeoutMs: 3600_000 });
    await api.until(id('suspend'), (s) => s.runtimeStatus === 'Running');
    assert.equal((await api.post(`instances/${id('suspend')}/suspend?reason=hold`)).status, 202);
    await api.until(id('suspend'), (s) => s.runtimeStatus === 'Suspended');
    await api.raise(id('suspend'), 'Approval', 'while suspended');
    await new Promise((r) => setTimeout(r, 200));
    assert.equal((await api.status(id('suspend'))).runtimeStatus, 'Suspended');
    await api.post(`instances/${id('suspend')}/resume?reason=go`);
    assert.deepEqual((await api.until(id('suspend'))).output, { outcome: 'approved', by: 'while suspended' });

    await api.start('approval', id('terminate'), { timeoutMs: 3600_000 });
    await api.until(id('terminate'), (s) => s.runtimeStatus === 'Running');
    await api.post(`instances/${id('terminate')}/terminate?reason=no%20longer%20needed`);
    const t = await api.until(id('terminate'));
    assert.deepEqual([t.runtimeStatus, t.output], ['Terminated', 'no longer needed']);
    assert.equal((await api.post(`instances/${id('terminate')}/terminate`)).status, 410);
  });

  test('the durable client from an HTTP function: getStatus, getStatusBy, raiseEvent, terminate, purge, wait', async () => {
    const waited = await fetch(`${host.url}/api/run/fanOut`, { method: 'POST', body: JSON.stringify({ n: 5 }) });
    assert.equal(waited.status, 200);
    assert.equal(((await waited.json()) as { count: number }).count, 5);

    await api.start('approval', id('client'), { timeoutMs: 3600_000 });
    await api.until(id('client'), (s) => s.runtimeStatus === 'Running');
    const status = (await (
      await fetch(`${host.url}/api/client/status/${id('client')}`, { method: 'POST' })
    ).json()) as { runtimeStatus: string };
    assert.equal(status.runtimeStatus, 'Running');
    await fetch(`${host.url}/api/client/raise/${id('client')}`, { method: 'POST', body: JSON.stringify('via client') });
    assert.deepEqual((await api.until(id('client'))).output, { outcome: 'approved', by: 'via client' });
    const completed = (await (await fetch(`${host.url}/api/client/byStatus`, { method: 'POST' })).json()) as string[];
    assert.ok(completed.includes(id('chain')) && completed.includes(id('client')));
    const purged = (await (await fetch(`${host.url}/api/client/purge/${id('client')}`, { method: 'POST' })).json()) as {
      instancesDeleted: number;
    };
    assert.equal(purged.instancesDeleted, 1);
    assert.equal(
      (await fetch(`${host.url}/runtime/webhooks/durabletask/instances/${id('client')}?code=${host.keys.system}`))
        .status,
      404,
    );
  });

  test('the management API wants the system key and answers 400/404 for bad requests', async () => {
    assert.equal((await fetch(`${host.url}/runtime/webhooks/durabletask/instances/${id('chain')}`)).status, 401);
    assert.equal(
      (await fetch(`${host.url}/runtime/webhooks/durabletask/instances/${id('chain')}?code=wrong`)).status,
      401,
    );
    assert.equal(
      (await fetch(`${host.url}/runtime/webhooks/durabletask/instances/nope?code=${host.keys.system}`)).status,
      404,
    );
    const unknown = await fetch(
      `${host.url}/runtime/webhooks/durabletask/orchestrators/noSuchThing?code=${host.keys.system}`,
      { method: 'POST' },
    );
    assert.equal(unknown.status, 400);
    const badEvent = await fetch(
      `${host.url}/runtime/webhooks/durabletask/instances/${id('chain')}/raiseEvent/x?code=${host.keys.system}`,
      {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: 'hi',
      },
    );
    assert.equal(badEvent.status, 410);
  });

  test('listing pages with a continuation token and filters by status and prefix', async () => {
    const list = async (query: string) => {
      const pages: { instanceId: string }[][] = [];
      let token: string | null = null;
      do {
        const response: Response = await fetch(
          `${host.url}/runtime/webhooks/durabletask/instances/?code=${host.keys.system}&${query}`,
          {
            headers: token ? { 'x-ms-continuation-token': token } : {},
          },
        );
        pages.push((await response.json()) as { instanceId: string }[]);
        token = response.headers.get('x-ms-continuation-token');
      } while (token);
      return pages;
    };
    const pages = await list(`top=2&instanceIdPrefix=retry-&runtimeStatus=Completed`);
    assert.deepEqual(
      pages
        .flat()
        .map((s) => s.instanceId)
        .sort(),
      [id('retry-fail'), id('retry-ok')].sort(),
    );
    assert.equal(pages[0]!.length, 2);
  });
});
