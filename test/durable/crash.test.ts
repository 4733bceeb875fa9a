import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { freePort } from '../../local/azurite/ports';
import { spawnHost } from '../support/host-process';
import { testStorage } from '../support/storage';

const appDir = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'durable-app');
const systemKey = 'local-durable-system-key';
// Its own task hub: other suites on the shared Azurite run the same fixture app, and a host recovers every instance of its hub.
process.env.ENCLAVE_HUB_NAME = 'CrashHub';

test('a 300-activity fan-out survives SIGKILL of the host mid-way: completes after restart, each result once', async () => {
  const port = await freePort();
  const instanceId = `crash-${Date.now().toString(36)}`;
  const statusUrl = (base: string, history = false) =>
    `${base}/runtime/webhooks/durabletask/instances/${instanceId}?code=${systemKey}${history ? '&showHistory=true' : ''}`;

  const first = await spawnHost(appDir, testStorage(), port);
  const started = await fetch(`${first.url}/api/start/fanOut/${instanceId}`, {
    method: 'POST',
    body: JSON.stringify({ n: 300, activity: 'verySlowSquare' }),
  });
  assert.equal(started.status, 202);
  let completedBeforeKill = 0;
  const killAfter = 20 + Math.floor(Math.random() * 200);
  for (let i = 0; i < 400 && completedBeforeKill < killAfter; i++) {
    const s = (await (await fetch(statusUrl(first.url, true))).json()) as { historyEvents?: { EventType: string }[] };
    completedBeforeKill = s.historyEvents?.filter((e) => e.EventType === 'TaskCompleted').length ?? 0;
    await new Promise((r) => setTimeout(r, 20));
  }
  await first.kill('SIGKILL');
  assert.ok(
    completedBeforeKill > 0 && completedBeforeKill < 300,
    `killed after ${completedBeforeKill} of 300 completions`,
  );

  const second = await spawnHost(appDir, testStorage(), port);
  try {
    let status: { runtimeStatus: string; output: { count: number; results: number[] } | null } = {
      runtimeStatus: 'Running',
      output: null,
    };
    for (let i = 0; i < 600 && status.runtimeStatus !== 'Completed' && status.runtimeStatus !== 'Failed'; i++) {
      status = (await (await fetch(statusUrl(second.url))).json()) as typeof status;
      await new Promise((r) => setTimeout(r, 50));
    }
    assert.equal(status.runtimeStatus, 'Completed');
    assert.equal(status.output?.count, 300);
    assert.deepEqual(
      status.output?.results,
      Array.from({ length: 300 }, (_, i) => i * i),
    );
    const history = (await (await fetch(statusUrl(second.url, true))).json()) as {
      historyEvents: { EventType: string; TaskScheduledId?: number }[];
    };
    const completions = history.historyEvents
      .filter((e) => e.EventType === 'TaskCompleted')
      .map((e) => e.TaskScheduledId);
    assert.equal(new Set(completions).size, 300, 'each task completed exactly once in history');
    assert.equal(completions.length, 300);
  } finally {
    await second.kill('SIGTERM');
  }
});
