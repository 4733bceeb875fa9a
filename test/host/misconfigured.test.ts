import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { freePort } from '../../local/azurite/ports';
import type { RunningHost } from '../../local/host/index';
import { startAppHost } from '../support/app-host';
import { enclave } from '../support/cli';

let host: RunningHost | undefined;
after(async () => host?.stop());

test('`enclave start` with a bad setting stops before starting anything, naming the setting', async () => {
  const [port, blob, queue, table] = [await freePort(), await freePort(), await freePort(), await freePort()];
  const result = enclave(
    [
      'start',
      '--port',
      String(port),
      '--azurite-ports',
      `${blob},${queue},${table}`,
      '--data',
      mkdtempSync(path.join(tmpdir(), 'enclave-bad-')),
    ],
    { VAR_REVIEWER: 'risk manager' },
  );
  assert.equal(result.code, 1, result.stdout + result.stderr);
  assert.match(
    result.stderr,
    /^enclave: setting VAR_REVIEWER: an e-mail address \(local\.settings\.json or the environment\)/m,
  );
  // The version line comes first, as with func start; nothing after it started.
  assert.match(result.stdout, /^Enclave local host \S+ \(/);
  assert.doesNotMatch(result.stdout, /Azurite|Model server|Functions:|Ready in/, 'it stopped before starting anything');
  await assert.rejects(fetch(`http://127.0.0.1:${blob}/`), 'no Azurite was left running');
});

test('/api/health on a misconfigured app answers 503 with the setting at fault', async () => {
  host = await startAppHost(`Misconfigured${Date.now().toString(36)}`, { VAR_EXECUTIVES: 'cro at bank' });
  const response = await fetch(`${host.url}/api/health`);
  const body = (await response.json()) as { status: string; setting: string };
  assert.deepEqual([response.status, body.status, body.setting], [503, 'misconfigured', 'VAR_EXECUTIVES']);
});
