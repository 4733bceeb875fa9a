import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { type RunningHost, startHost } from '../../local/host/index';
import { testStorage } from '../support/storage';

// An app of its own: app.setup({ enableHttpStream: true }) switches every HTTP function of the app to streams.
const appDir = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'host-app');
let host: RunningHost;

before(async () => {
  host = await startHost({
    appDir,
    main: '../../../dist/test/fixtures/host-app/streaming/*.js',
    hostId: 'streaming',
    port: 0,
    storageConnectionString: testStorage(),
    log: () => {},
  });
});
after(async () => {
  await host.stop();
  // The library's stream proxy server has no close API (the worker never stops it): end this test process.
  setTimeout(() => process.exit(0), 200).unref();
});

test('with enableHttpStream the response body streams: the first line arrives long before the last is written', async () => {
  const started = Date.now();
  const response = await fetch(`${host.url}/api/stream/lines/5?gapMs=300`);
  assert.deepEqual([response.status, response.headers.get('x-lines')], [200, '5']);
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const arrivals: { at: number; text: string }[] = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    arrivals.push({ at: Date.now() - started, text: decoder.decode(value) });
  }
  const lines = arrivals
    .map((a) => a.text)
    .join('')
    .trim()
    .split('\n');
  assert.deepEqual(
    lines.map((l) => l.split(' at ')[0]),
    ['line 1', 'line 2', 'line 3', 'line 4', 'line 5'],
  );
  // Streamed, not buffered: the client had the first line while the handler still had 4 × 300 ms to go.
  assert.ok(arrivals.length > 1, `one chunk per write, got ${arrivals.length}`);
  assert.ok(arrivals[0]!.at < arrivals.at(-1)!.at - 600, JSON.stringify(arrivals.map((a) => a.at)));
});

test('a streamed request body, headers, status and cookies make the round trip; routes and 404s still apply', async () => {
  const text = 'x'.repeat(200_000);
  const response = await fetch(`${host.url}/api/stream/echo`, {
    method: 'POST',
    headers: { 'x-test': 'kept' },
    body: text,
  });
  assert.equal(response.status, 201);
  assert.deepEqual(await response.json(), { length: text.length, text, header: 'kept' });
  assert.match(response.headers.get('set-cookie') ?? '', /^seen=1;.*HttpOnly/i);
  assert.equal((await fetch(`${host.url}/api/stream/nowhere`)).status, 404);
  assert.equal((await fetch(`${host.url}/api/stream/echo`)).status, 405);
});
