import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { RunningHost } from '../../local/host/index';
import { durableApi } from '../support/durable';
import { startFixtureHost } from './fixture-host';

const run = Date.now().toString(36);
let host: RunningHost;
let api: ReturnType<typeof durableApi>;

before(async () => {
  host = await startFixtureHost('CallHttpHub');
  api = durableApi(host);
});
after(async () => host.stop());

const target = (key: string) => `${host.url}/api/target/${key}`;

test('callHttp without polling: the host sends method, body and headers and returns the DurableHttpResponse', async () => {
  const id = `http-once-${run}`;
  await api.start('httpCall', id, { url: target(id), polling: false });
  const s = await api.until(id);
  const output = s.output as { statusCode: number; headers: Record<string, string>; content: unknown };
  assert.equal(output.statusCode, 202);
  assert.equal(output.headers.location, `${target(id)}/status`);
  assert.equal(output.headers['content-type'], undefined, 'content headers are not response headers in .NET');
  assert.deepEqual(output.content, { received: { hello: 'world' }, trace: 'trace-1' });
});

test('callHttp with polling follows 202 + Location on durable timers (Retry-After) until the final answer', async () => {
  const id = `http-poll-${run}`;
  await api.start('httpCall', id, { url: target(id), polling: true });
  const timers = async () =>
    ((await api.status(id, '&showHistory=true')).historyEvents ?? []).filter((e) => e.EventType === 'TimerCreated');
  for (const n of [1, 2]) {
    for (let i = 0; (await timers()).length < n; i++) {
      assert.ok(i < 400, `poll timer ${n} was never created`);
      await new Promise((r) => setTimeout(r, 25));
    }
    await host.clock.advance(5_000);
  }
  const output = (await api.until(id)).output as {
    statusCode: number;
    headers: Record<string, string>;
    content: unknown;
  };
  assert.equal(output.statusCode, 200);
  assert.equal(output.headers['x-polls'], '2');
  assert.deepEqual(output.content, { polls: 2, trace: 'trace-1' });
  const history = (await api.status(id, '&showHistory=true')).historyEvents ?? [];
  assert.deepEqual(
    history
      .filter((e) => e.EventType === 'TaskScheduled' || e.EventType === 'TimerCreated')
      .map((e) => `${e.EventId}:${e.EventType}:${e.Name ?? ''}`),
    [
      '0:TaskScheduled:BuiltIn::HttpActivity',
      '1:TimerCreated:',
      '2:TaskScheduled:BuiltIn::HttpActivity',
      '3:TimerCreated:',
      '4:TaskScheduled:BuiltIn::HttpActivity',
    ],
  );
});

test('callHttp with a managed identity token source fails the task with a message saying why', async () => {
  const id = `http-msi-${run}`;
  await api.start('httpCall', id, { url: target(id), polling: false, managedIdentity: true });
  const s = await api.until(id);
  assert.match(String((s.output as { failed: string }).failed), /managed identity token \(tokenSource\)/);
});
