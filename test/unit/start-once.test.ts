import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import * as df from 'durable-functions';
import { runStartsAgain } from '../../workflows/start-once';
import { repoRoot } from '../support/app-host';

test('a run id is free when no run has it, or its run Failed or was Terminated; taken in every other state', () => {
  const free = Object.values(df.OrchestrationRuntimeStatus).filter((s) => runStartsAgain(s));
  assert.deepEqual(free.sort(), ['Failed', 'Terminated']);
  assert.equal(runStartsAgain(undefined), true);
});

test('the radiology, FOIA and VaR runs start only in their start module, through the shared start-once rule', () => {
  for (const pipeline of ['radiology', 'foia', 'var']) {
    const start = readFileSync(path.join(repoRoot, 'workflows', pipeline, 'start.ts'), 'utf8');
    assert.match(start, /await runTaken\(client, instanceId\)/, `workflows/${pipeline}/start.ts does not ask runTaken`);
    assert.doesNotMatch(
      start,
      /OrchestrationRuntimeStatus/,
      `workflows/${pipeline}/start.ts decides start-once by itself`,
    );
    const trigger = readFileSync(path.join(repoRoot, 'functions', `${pipeline}.ts`), 'utf8');
    assert.doesNotMatch(trigger, /startNew|runTaken/, `functions/${pipeline}.ts starts a run by itself`);
  }
});
