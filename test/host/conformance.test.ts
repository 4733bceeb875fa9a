import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { testClock } from '../../local/host/clock';
import { type RunningHost, startHost } from '../../local/host/index';
import { blobService, queueService, readJsonBlobs, testStorage, waitFor } from '../support/storage';

const appDir = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'host-app');
const records = () => blobService().getContainerClient('received');
const quiet = () => {};
// Monday 2026-11-30 04:59:58 in New York (EST, UTC-5).
const beforeFiveAm = Date.parse('2026-11-30T09:59:58Z');
const clock = testClock(beforeFiveAm);
let host: RunningHost;

const start = () =>
  startHost({
    appDir,
    port: 0,
    storageConnectionString: testStorage(),
    settings: { WEBSITE_TIME_ZONE: 'Eastern Standard Time' },
    clock,
    log: quiet,
  });

before(async () => {
  await records().deleteIfExists();
  host = await start();
});
after(async () => host.stop());

const call = (route: string, init: RequestInit = {}) => fetch(`${host.url}/api/${route}`, init);

describe('HTTP triggers', () => {
  test('route parameters, optional parameters, constraints and query reach HttpRequest', async () => {
    assert.deepEqual(await (await call('orders/42/items?q=blue')).json(), {
      id: '42',
      section: 'items',
      q: 'blue',
      method: 'GET',
    });
    assert.deepEqual(await (await call('orders/7', { method: 'PUT' })).json(), {
      id: '7',
      section: null,
      q: null,
      method: 'PUT',
    });
    assert.equal((await call('orders/not-a-number')).status, 404);
    assert.equal(await (await call('files/reports/2026/q4.pdf')).text(), 'path=reports/2026/q4.pdf');
  });

  test('a method the function does not accept is refused, a malformed path is a 400, not a crash', async () => {
    assert.equal((await call('orders/7', { method: 'DELETE' })).status, 405);
    assert.equal((await call('orders/%E0%A4%A')).status, 400);
    assert.equal((await call('orders/8')).status, 200);
  });

  test('binary bodies round-trip and headers and cookies come back', async () => {
    const payload = Buffer.from([0, 1, 2, 250, 255, 10, 13]);
    const response = await call('echo', {
      method: 'POST',
      body: payload,
      headers: { 'content-type': 'application/octet-stream' },
    });
    assert.equal(response.status, 201);
    assert.equal(response.headers.get('x-length'), '7');
    assert.equal(response.headers.get('set-cookie'), 'session=abc; Path=/; HttpOnly; SameSite=Strict');
    assert.deepEqual(Buffer.from(await response.arrayBuffer()), payload);
  });

  test('function and admin keys are enforced: a wrong key gets 401', async () => {
    assert.equal((await call('secret')).status, 401);
    assert.equal((await call('secret?code=wrong')).status, 401);
    assert.equal((await call('secret', { headers: { 'x-functions-key': host.keys.function } })).status, 200);
    assert.equal((await call(`adminOnly?code=${host.keys.function}`)).status, 401);
    assert.equal(await (await call(`adminOnly?code=${host.keys.master}`)).text(), 'admin ok');
  });

  test('a handler that throws answers 500; a postInvocation hook can clear the error', async () => {
    assert.equal((await call('boom')).status, 500);
    assert.match(await (await call('boomHandled')).text(), /recovered by postInvocation/);
  });
});

describe('queue triggers', () => {
  const send = async (queue: string, text: string, encode = true) => {
    const client = queueService().getQueueClient(queue);
    await client.createIfNotExists();
    return (await client.sendMessage(encode ? Buffer.from(text).toString('base64') : text)).messageId;
  };
  type Received = { message: unknown; type: string; dequeueCount: number };
  const received = (id: string) =>
    waitFor(
      `queue message ${id}`,
      async () => (await readJsonBlobs<Received>(records(), `queue/${id}.json`))[0]?.value,
    );

  const drained = (queue: string) =>
    waitFor(`${queue} to be empty`, async () => {
      const client = queueService().getQueueClient(queue);
      return (await client.getProperties()).approximateMessagesCount === 0;
    });
  const poisoned = async (queue: string) =>
    (
      await queueService().getQueueClient(`${queue}-poison`).peekMessages({ numberOfMessages: 32 })
    ).peekedMessageItems.map((m) => Buffer.from(m.messageText, 'base64').toString('utf8'));

  test('JSON, text and numbers arrive as object, string and number with metadata', async () => {
    const json = await received(await send('fixture-in', '{"orderId":42}'));
    assert.deepEqual([json.message, json.type, json.dequeueCount], [{ orderId: 42 }, 'object', 1]);
    const text = await received(await send('fixture-in', 'hello world'));
    assert.deepEqual([text.message, text.type], ['hello world', 'string']);
    const number = await received(await send('fixture-in', '123'));
    assert.deepEqual([number.message, number.type], [123, 'number']);
  });

  test('a message whose handler leaves its output binding unset runs once and is deleted (no retry, no poison)', async () => {
    const ids = [await send('fixture-in', '{"plain":true}'), await send('fixture-in', 'just text')];
    // Once the queue is empty no attempt is left; a retry would have rewritten the record with dequeueCount 2.
    await drained('fixture-in');
    for (const id of ids) assert.equal((await received(id)).dequeueCount, 1);
    assert.deepEqual(
      (await poisoned('fixture-in')).filter((t) => t === '{"plain":true}' || t === 'just text'),
      [],
    );
  });

  test('a return value goes to the `return:` queue output; returning nothing writes nothing', async () => {
    const returned = queueService().getQueueClient('fixture-returned');
    await returned.createIfNotExists();
    await send('fixture-return-in', '{"skip":true}');
    await send('fixture-return-in', '{"n":1}');
    const texts = await waitFor('the returned message', async () => {
      const items = (await returned.peekMessages({ numberOfMessages: 32 })).peekedMessageItems;
      return items.length > 0 ? items.map((m) => Buffer.from(m.messageText, 'base64').toString('utf8')) : undefined;
    });
    await drained('fixture-return-in');
    assert.deepEqual(texts, ['{"echoed":{"n":1}}']);
    assert.equal((await returned.getProperties()).approximateMessagesCount, 1);
    assert.deepEqual(await poisoned('fixture-return-in'), []);
  });

  test('a return value goes to the `return:` blob output, its path bound from trigger metadata', async () => {
    const id = await send('fixture-return-blob-in', 'hello');
    const blob = blobService().getContainerClient('fixture-returned').getBlockBlobClient(`${id}.txt`);
    const text = await waitFor('the returned blob', async () =>
      (await blob.exists()) ? (await blob.downloadToBuffer()).toString('utf8') : undefined,
    );
    assert.equal(text, 'returned hello');
  });

  test('a queue output given an array enqueues one base64 message per element', async () => {
    const forwarded = queueService().getQueueClient('fixture-forwarded');
    await forwarded.createIfNotExists();
    await forwarded.clearMessages();
    await received(await send('fixture-in', JSON.stringify({ forward: ['a', { b: 2 }, 3] })));
    const texts = await waitFor('three forwarded messages', async () => {
      const peeked = await forwarded.peekMessages({ numberOfMessages: 32 });
      return peeked.peekedMessageItems.length === 3 ? peeked.peekedMessageItems.map((m) => m.messageText) : undefined;
    });
    assert.deepEqual(texts.map((t) => Buffer.from(t, 'base64').toString('utf8')).sort(), ['3', 'a', '{"b":2}']);
  });

  test('a handler that keeps failing is tried 5 times, then the message lands intact in <queue>-poison', async () => {
    const original = JSON.stringify({ claim: 'C-981', amount: 1200.5 });
    const id = await send('fixture-fails', original);
    const poison = queueService().getQueueClient('fixture-fails-poison');
    const poisoned = await waitFor(
      'the poison message',
      async () => {
        const items = (await poison.peekMessages({ numberOfMessages: 32 })).peekedMessageItems;
        return items.find((m) => Buffer.from(m.messageText, 'base64').toString('utf8') === original);
      },
      30_000,
    );
    assert.ok(poisoned);
    const attempts = await readJsonBlobs(records(), `attempt/${id}-`);
    assert.deepEqual(
      attempts.map((a) => a.name).sort(),
      [1, 2, 3, 4, 5].map((n) => `attempt/${id}-${n}.json`),
    );
  });

  test('a message that is not base64 goes to poison without running the handler', async () => {
    await send('fixture-in', 'not base64 at all!', false);
    const poison = queueService().getQueueClient('fixture-in-poison');
    await waitFor('the undecodable message in fixture-in-poison', async () => {
      const items = (await poison.peekMessages({ numberOfMessages: 32 })).peekedMessageItems;
      return items.some((m) => m.messageText === 'not base64 at all!');
    });
  });

  test('a Service Bus queue trigger runs locally from the Azurite queue of the same name', async () => {
    const id = await send('fixture-bus', '{"batch":7}', false);
    const got = await waitFor(
      'the bus message',
      async () =>
        (await readJsonBlobs<{ message: unknown; deliveryCount: number }>(records(), `bus/${id}.json`))[0]?.value,
    );
    assert.deepEqual(got, { message: { batch: 7 }, deliveryCount: 1 });
  });
});

describe('blob triggers', () => {
  type Seen = { name: string; isBuffer: boolean; text: string; metadata: Record<string, string> };
  const seen = async (name: string) =>
    (await readJsonBlobs<Seen>(records(), `blob/${encodeURIComponent(name)}-`)).map((r) => r.value);

  test('a dropped blob reaches its handler as a Buffer with {name} and metadata, once per version', async () => {
    const drop = blobService().getContainerClient('fixture-drop');
    await drop.createIfNotExists();
    const name = 'studies/ct-1.json';
    await drop.getBlockBlobClient(name).upload('{"a":1}', 7, { metadata: { Owner: 'radiology' } });
    const [first] = await waitFor('the blob handler', async () => {
      const s = await seen(name);
      return s.length > 0 ? s : undefined;
    });
    assert.deepEqual(first, { name, isBuffer: true, text: '{"a":1}', metadata: { owner: 'radiology' } });
    const copy = blobService().getContainerClient('fixture-copies').getBlockBlobClient(name);
    assert.equal((await copy.downloadToBuffer()).toString('utf8'), 'copy of {"a":1}');

    await new Promise((r) => setTimeout(r, 1000));
    assert.equal((await seen(name)).length, 1, 'the same ETag must not run twice');
    await drop.getBlockBlobClient(name).upload('{"a":2}', 7);
    await waitFor('the new version', async () => (await seen(name)).length === 2);
  });

  test('a blob whose handler fails 5 times goes to webjobs-blobtrigger-poison', async () => {
    const bad = blobService().getContainerClient('fixture-bad');
    await bad.createIfNotExists();
    await bad.getBlockBlobClient('broken.bin').upload('xx', 2);
    const poison = queueService().getQueueClient('webjobs-blobtrigger-poison');
    const message = await waitFor('the blob poison message', async () => {
      const items = (await poison.peekMessages({ numberOfMessages: 32 })).peekedMessageItems;
      return items
        .map((m) => JSON.parse(Buffer.from(m.messageText, 'base64').toString('utf8')))
        .find((m) => m.BlobName === 'broken.bin');
    });
    assert.equal(message.ContainerName, 'fixture-bad');
    assert.equal(message.FunctionId, 'Host.Functions.blobAlwaysFails');
  });
});

describe('timer triggers', () => {
  type Fired = { isPastDue: boolean; last: string; next: string };
  const fired = async () => (await readJsonBlobs<Fired>(records(), 'timer/')).map((r) => r.value);

  test('0 0 5 * * 1-5 fires at 5 AM in WEBSITE_TIME_ZONE (Windows id accepted) when the test clock gets there', async () => {
    assert.equal((await fired()).length, 0);
    await clock.advance(2_000);
    const [run] = await waitFor('the 5 AM run', async () => {
      const f = await fired();
      return f.length > 0 ? f : undefined;
    });
    // As on Azure, the status a run sees is the one from before it: no earlier run, and this occurrence as next.
    assert.equal(run!.last, '0001-01-01T00:00:00.000Z');
    assert.equal(run!.next, '2026-11-30T10:00:00.000Z');
    assert.equal(run!.isPastDue, false);
  });

  test('an occurrence missed while the host was down runs at start with isPastDue, and only once', async () => {
    await host.stop();
    await clock.set(Date.parse('2026-12-01T12:00:00Z'));
    host = await start();
    const runs = await waitFor('the past-due run', async () => {
      const f = await fired();
      return f.length === 2 ? f : undefined;
    });
    const pastDue = runs.find((r) => r.next === '2026-12-01T10:00:00.000Z');
    assert.equal(pastDue?.last, '2026-11-30T10:00:00.000Z');
    assert.equal(pastDue?.isPastDue, true);
    await host.stop();
    host = await start();
    await new Promise((r) => setTimeout(r, 500));
    assert.equal((await fired()).length, 2, 'a restart must not fire the same occurrence again');
  });

  test('a clock jump over several occurrences runs once, past due, and the schedule continues from now', async () => {
    const before = (await fired()).length;
    await clock.set(Date.parse('2026-12-04T12:00:00Z'));
    await waitFor('the past-due run', async () => (await fired()).length > before);
    await new Promise((r) => setTimeout(r, 500));
    const after = (await fired()).slice(before);
    assert.equal(
      after.length,
      1,
      `one run for Wednesday to Friday, not one per missed occurrence: ${JSON.stringify(after)}`,
    );
    assert.equal(after[0]!.isPastDue, true);
  });
});

describe('POST /admin/clock (test clock only)', () => {
  test('advances or sets the test clock and answers the new time; a bad body is a 400, GET a 404', async () => {
    const admin = (init: RequestInit) => fetch(`${host.url}/admin/clock`, init);
    const before = clock.now();
    const advanced = await admin({ method: 'POST', body: JSON.stringify({ advanceMs: 1500 }) });
    assert.equal(advanced.status, 200);
    assert.deepEqual(await advanced.json(), { now: new Date(before + 1500).toISOString() });
    const set = await admin({ method: 'POST', body: JSON.stringify({ setIso: '2026-12-09T00:00:00.000Z' }) });
    assert.deepEqual(await set.json(), { now: '2026-12-09T00:00:00.000Z' });
    assert.equal(clock.now(), Date.parse('2026-12-09T00:00:00.000Z'));
    assert.equal((await admin({ method: 'POST', body: '{"minutes":5}' })).status, 400);
    assert.equal((await admin({ method: 'GET' })).status, 404);
  });
});

describe('graceful shutdown', () => {
  const send = async (sleepMs: number) => {
    const client = queueService().getQueueClient('fixture-slow');
    await client.createIfNotExists();
    return (await client.sendMessage(Buffer.from(JSON.stringify({ sleepMs })).toString('base64'))).messageId;
  };
  const recorded = (kind: string, id: string) =>
    waitFor(`${kind} ${id}`, async () => (await readJsonBlobs(records(), `${kind}/${id}.json`))[0]?.value);
  const timed = async (work: Promise<void>) => {
    const t0 = Date.now();
    await work;
    return Date.now() - t0;
  };

  test('stop lets a running queue handler finish within the grace period and deletes its message', async () => {
    const id = await send(1200);
    await recorded('slow-started', id);
    const elapsed = await timed(host.stop(8_000));
    assert.ok(elapsed < 8_000, `stop took ${elapsed} ms`);
    assert.deepEqual(await recorded('slow-finished', id), { dequeueCount: 1 });
    const queue = queueService().getQueueClient('fixture-slow');
    assert.equal((await queue.getProperties()).approximateMessagesCount, 0, 'the message was deleted');
    host = await start();
  });

  test('stop returns after the grace period even if a handler is still running', async () => {
    const id = await send(3_000);
    await recorded('slow-started', id);
    const elapsed = await timed(host.stop(300));
    assert.ok(elapsed < 1_500, `stop took ${elapsed} ms with a 300 ms grace period`);
    await recorded('slow-finished', id);
    host = await start();
  });
});
