import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { consoleLog } from '../../local/host/console-log';

test('host lines are timestamped, written together once per turn, and host detail only with --verbose', async () => {
  for (const verbose of [false, true]) {
    const chunks: string[] = [];
    const { log } = consoleLog({ verbose, write: (c) => chunks.push(c), colour: false });
    log('info', "Executing 'Functions.health' (Reason='x', Id=1)");
    log('debug', 'health: listening');
    log('error', "Executed 'Functions.health' (Failed, Id=1, Duration=3ms)");
    assert.equal(chunks.length, 0, 'nothing is written synchronously');
    await nextTurn();
    assert.equal(chunks.length, 1);
    const lines = chunks[0]!.trimEnd().split('\n');
    assert.equal(lines.length, verbose ? 3 : 2);
    for (const line of lines) assert.match(line, /^\[\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z\] /);
    assert.equal(
      lines.some((l) => l.endsWith('health: listening')),
      verbose,
    );
    assert.ok(
      lines.at(-1)!.endsWith("Executed 'Functions.health' (Failed, Id=1, Duration=3ms)"),
      'no prefix on errors',
    );
  }
});
