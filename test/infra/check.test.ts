import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { evaluateTemplate } from '../../infra/check/evaluate';
import { readTemplates } from '../../infra/check/rules';
import { azdVariable, infraDir, mutated, removeCopies, rulesOf } from './mutate';

after(removeCopies);

test('the shipped infra passes every check', () => {
  assert.deepEqual(rulesOf(infraDir), []);
});

test('a resource without tags is reported', () => {
  const dir = mutated('modules/servicebus.bicep', (t) => t.replace('  tags: tags\n  sku', '  sku'));
  assert.ok(rulesOf(dir).some((m) => m.startsWith('tags: resource namespace')));
});

test('a parameter without @description is reported', () => {
  const dir = mutated('modules/identity.bicep', (t) => t.replace("@description('Azure region.')\n", ''));
  assert.ok(rulesOf(dir).some((m) => m === 'param-description: param location has no @description'));
});

test('a resource that supports diagnostics but sends none is reported', () => {
  const dir = mutated('modules/contentsafety.bicep', (t) => t.replace(/resource diagnostics[\s\S]*?\n}\n/, ''));
  assert.ok(rulesOf(dir).some((m) => m.startsWith('diagnostics: resource account')));
});

test('a secret in plain parameters or an app setting with a key is reported', () => {
  const params = mutated('main.parameters.json', (t) =>
    t.replace(`"${azdVariable('ENCLAVE_REVIEW_LINK_SECRET')}"`, '"hunter2-but-at-least-thirty-two-characters"'),
  );
  assert.ok(rulesOf(params).some((m) => m.startsWith('plain-secret: secure parameter reviewLinkSecret')));
  const key = mutated('main.bicep', (t) =>
    t.replace("AUDIT_CONTAINER: 'audit'", "AUDIT_CONTAINER: 'audit'\n  X: 'AccountKey=abc'"),
  );
  assert.ok(rulesOf(key).some((m) => m.startsWith('config: app setting X carries a key')));
});

test('a module call passing an undeclared or missing param is reported', () => {
  const dir = mutated('main.bicep', (t) =>
    t.replace('auditRetentionDays: auditRetentionDays', 'auditRetentionDayz: auditRetentionDays'),
  );
  const messages = rulesOf(dir);
  assert.ok(messages.some((m) => m.includes('passes auditRetentionDayz')));
  assert.ok(messages.some((m) => m.includes('does not pass required param auditRetentionDays')));
});

test('the gateway endpoint list is computed from openAiRegions, PTU first when enabled', () => {
  const [main] = readTemplates(infraDir, ['main.bicep']);
  const scope = evaluateTemplate(main!.declarations, infraDir, {
    enablePtu: true,
    openAiRegions: [
      { region: 'swedencentral', weight: 70, priority: 1 },
      { region: 'uksouth', weight: 30, priority: 2 },
    ],
  });
  const endpoints = JSON.parse(String((scope.appSettings as Record<string, unknown>).MODEL_ENDPOINTS)) as {
    name: string;
    dataZone: string;
    kind: string;
    weight: number;
  }[];
  assert.deepEqual(
    endpoints.map((e) => [e.name, e.dataZone, e.kind, e.weight]),
    [
      ['swedencentral-ptu', 'europe', 'ptu', 100],
      ['swedencentral', 'europe', 'payg', 70],
      ['uksouth', 'europe', 'payg', 30],
    ],
  );
});
