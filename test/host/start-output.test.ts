import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { freePort, portIsFree } from '../../local/azurite/ports';
import { MODEL_CALL_ORCHESTRATOR } from '../../workflows/model/orchestrator';
import { repoRoot } from '../support/app-host';
import { chat } from '../support/model';
import { waitFor } from '../support/storage';

const SYSTEM_KEY = 'start-output-system-key';
let child: ChildProcess;
let stdout = '';
let port: number;
let dataDir: string;

/** Consecutive free ports for the local model server's regions. */
async function freeRange(count: number): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    // Below Linux's ephemeral range (32768+), where freePort() in parallel suites never lands.
    const base = 20_000 + Math.floor(Math.random() * 12_000);
    const free = await Promise.all(Array.from({ length: count }, (_, i) => portIsFree(base + i)));
    if (free.every(Boolean)) return base;
  }
  throw new Error('no six consecutive free ports for the model server');
}

before(async () => {
  port = await freePort();
  const azurite = [await freePort(), await freePort(), await freePort()];
  dataDir = mkdtempSync(path.join(tmpdir(), 'enclave-start-output-'));
  child = spawn(
    process.execPath,
    [
      path.join(repoRoot, 'bin', 'enclave.js'),
      'start',
      '--port',
      String(port),
      '--azurite-ports',
      azurite.join(','),
      '--data',
      dataDir,
    ],
    {
      cwd: repoRoot,
      env: { ...process.env, ENCLAVE_SYSTEM_KEY: SYSTEM_KEY, ENCLAVE_MODEL_BASE_PORT: String(await freeRange(6)) },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => {
    stdout += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`enclave start exited with ${code}: ${stderr}\n${stdout}`))),
  );
  await Promise.race([
    waitFor('enclave start to be ready', async () => /Ready in/.test(stdout) || undefined, 90_000),
    exited,
  ]);
});

after(async () => {
  if (child.exitCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGINT');
    await exited;
  }
  rmSync(dataDir, { recursive: true, force: true });
});

const lines = () => stdout.split('\n');
const TIMESTAMP = String.raw`\[\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z\] `;

/** The Executing line of `name` (the first one matching), its Executed line, and what was printed between. */
async function invocation(name: string, reason: string, between?: RegExp) {
  return waitFor(
    `Executing/Executed lines of ${name} with ${between} between`,
    async () => {
      const all = lines();
      const executing = new RegExp(
        `^${TIMESTAMP}Executing 'Functions\\.${name}' \\(Reason='${reason.replace(/[.()]/g, '\\$&')}', Id=([0-9a-f-]{36})\\)$`,
      );
      for (const [i, line] of all.entries()) {
        const id = executing.exec(line)?.[1];
        if (!id) continue;
        const done = new RegExp(
          `^${TIMESTAMP}Executed 'Functions\\.${name}' \\(Succeeded, Id=${id}, Duration=\\d+ms\\)$`,
        );
        const j = all.findIndex((l, k) => k > i && done.test(l));
        if (j < 0) continue;
        const inside = all.slice(i + 1, j);
        if (!between || inside.some((l) => between.test(l))) return { id, inside };
      }
      return undefined;
    },
    60_000,
  );
}

describe('enclave start prints what func start prints', () => {
  test('a version line first, then the Functions: block in Core Tools shape', () => {
    assert.match(
      lines()[0]!,
      /^Enclave local host \d+\.\d+\.\d+ \(@azure\/functions 4\.16\.5, durable-functions 3\.5\.0, Node v\d+\.\d+\.\d+\)$/,
    );
    const block = stdout.slice(stdout.indexOf('\nFunctions:\n\n') + 1, stdout.indexOf('\nKeys:'));
    const entries = block.split('\n').slice(2);
    // Each function is a tab-indented line followed by a blank one.
    const named = entries.filter((l) => l.startsWith('\t'));
    assert.ok(named.length >= 20, `expected the app's functions, got:\n${block}`);
    for (const [i, line] of entries.entries()) if (line.startsWith('\t')) assert.equal(entries[i + 1], '', line);
    assert.ok(named.includes(`\thealth: [GET] http://localhost:${port}/api/health`), block);
    assert.ok(named.includes(`\t${MODEL_CALL_ORCHESTRATOR}: orchestrationTrigger`), block);
    assert.ok(named.includes('\tcallModel: activityTrigger'), block);
    assert.ok(named.includes('\tprobeModelEndpoints: timerTrigger'), block);
    const lastHttp = named.findLastIndex((l) => / \[[A-Z,]+\] http:\/\//.test(l));
    const firstOther = named.findIndex((l) => /: [a-zA-Z]+Trigger$/.test(l));
    assert.ok(lastHttp < firstOther, 'HTTP functions come first');
  });

  test('GET /api/health: Executing, the function’s context.log line, Executed with the same id', async () => {
    const response = await fetch(`http://localhost:${port}/api/health`);
    assert.equal(response.status, 200);
    const seen = await invocation(
      'health',
      'This function was programmatically called via the host APIs.',
      new RegExp(`^${TIMESTAMP}health: ok, \\d+ functions loaded$`),
    );
    assert.ok(seen.id);
  });

  test('an orchestration: the orchestrator and its activity each get Executing/Executed, the log line between', async () => {
    const id = `start-output-${Date.now().toString(36)}`;
    const started = await fetch(
      `http://localhost:${port}/runtime/webhooks/durabletask/orchestrators/${MODEL_CALL_ORCHESTRATOR}/${id}?code=${SYSTEM_KEY}`,
      { method: 'POST', body: JSON.stringify({ request: chat('Say hello in one word.') }) },
    );
    assert.equal(started.status, 202);
    await waitFor('the orchestration to complete', async () => {
      const status = await fetch(
        `http://localhost:${port}/runtime/webhooks/durabletask/instances/${id}?code=${SYSTEM_KEY}`,
      );
      const body = (await status.json()) as { runtimeStatus: string };
      assert.notEqual(body.runtimeStatus, 'Failed');
      return body.runtimeStatus === 'Completed' || undefined;
    });
    await invocation(
      MODEL_CALL_ORCHESTRATOR,
      '(null)',
      new RegExp(`^${TIMESTAMP}${MODEL_CALL_ORCHESTRATOR}: default call answered$`),
    );
    await invocation('callModel', '(null)');
  });

  test('the timer trigger says when it fired, as the Functions host does', async () => {
    await waitFor(
      'a probeModelEndpoints invocation',
      async () =>
        lines().some((l) =>
          new RegExp(
            `^${TIMESTAMP}Executing 'Functions\\.probeModelEndpoints' \\(Reason='Timer fired at \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{7}\\+00:00', Id=`,
          ).test(l),
        ) || undefined,
      30_000,
    );
  });

  test('host detail stays out of the default output', () => {
    assert.doesNotMatch(stdout, /listening on queue|instance\(s\) loaded/);
    assert.match(stdout, /For detailed output, run enclave start with --verbose\./);
  });
});
