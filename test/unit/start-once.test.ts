import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import * as df from 'durable-functions';
import { runStartsAgain } from '../../functions/start-once';
import { repoRoot } from '../support/app-host';

test('a run id is free when no run has it, or its run Failed or was Terminated; taken in every other state', () => {
  const free = Object.values(df.OrchestrationRuntimeStatus).filter((s) => runStartsAgain(s));
  assert.deepEqual(free.sort(), ['Failed', 'Terminated']);
  assert.equal(runStartsAgain(undefined), true);
});

test('the radiology, FOIA and VaR triggers start runs only through the shared start-once rule', () => {
  for (const trigger of ['radiology', 'foia', 'var']) {
    const source = readFileSync(path.join(repoRoot, 'functions', `${trigger}.ts`), 'utf8');
    assert.match(source, /await runTaken\(client, instanceId\)/, `functions/${trigger}.ts does not ask runTaken`);
    assert.doesNotMatch(source, /OrchestrationRuntimeStatus/, `functions/${trigger}.ts decides start-once by itself`);
  }
});
