import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { evaluateTemplate } from '../../infra/check/evaluate';
import { readTemplates } from '../../infra/check/rules';
import { checkInfra } from '../../infra/check/run';

const infraDir = path.join(__dirname, '..', '..', '..', 'infra');
const copies: string[] = [];
after(() => {
  for (const dir of copies) rmSync(dir, { recursive: true, force: true });
});

/** A copy of infra/ with one file edited, so each rule is shown to catch what it is for. */
function mutated(file: string, edit: (text: string) => string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'enclave-infra-'));
  copies.push(dir);
  cpSync(infraDir, dir, { recursive: true });
  const target = path.join(dir, file);
  const before = readFileSync(target, 'utf8');
  const after = edit(before);
  assert.notEqual(after, before, `the edit of ${file} changed nothing`);
  writeFileSync(target, after);
  return dir;
}

const rulesOf = (dir: string) => checkInfra(dir).map((f) => `${f.rule}: ${f.message}`);

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

test('a role the code needs but infra does not assign is reported', () => {
  const dir = mutated('modules/roles.bicep', (t) =>
    t.replace("keyVaultCryptoUser: '12338af0-0e69-4776-bea7-57ae8d88a7b6'", "keyVaultCryptoUser: 'x'"),
  );
  assert.ok(rulesOf(dir).some((m) => m.includes('Key Vault Crypto User')));
});

test('a secret in plain parameters or an app setting with a key is reported', () => {
  const params = mutated('main.parameters.json', (t) =>
    t.replace('"principalId"', '"reviewLinkSecret": { "value": "hunter2" },\n    "principalId"'),
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

test('a pipeline residency policy that no deployed region satisfies is reported', () => {
  const dir = mutated('main.bicep', (t) => t.replace("foia: 'data-zone:americas'", "foia: 'data-zone:usgov'"));
  assert.ok(rulesOf(dir).some((m) => m.startsWith('residency: FOIA_RESIDENCY=data-zone:usgov matches none')));
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
