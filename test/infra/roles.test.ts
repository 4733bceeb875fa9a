import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, test } from 'node:test';
import { mutated, removeCopies, rulesOf } from './mutate';

after(removeCopies);

test('a role the code needs but infra does not assign is reported', () => {
  const dir = mutated('modules/roles.bicep', (t) =>
    t.replace("keyVaultCryptoUser: '12338af0-0e69-4776-bea7-57ae8d88a7b6'", "keyVaultCryptoUser: 'x'"),
  );
  assert.ok(rulesOf(dir).some((m) => m.includes('Key Vault Crypto User')));
});

test('a role id that is declared but used by no role assignment is reported', () => {
  const dir = mutated('main.bicep', (t) =>
    t.replace(
      'signingKeys: [ vault.outputs.radiologySigningKeyName, vault.outputs.auditHeadsKeyName ]',
      'signingKeys: []',
    ),
  );
  assert.ok(
    readFileSync(path.join(dir, 'modules/roles.bicep'), 'utf8').includes('12338af0-0e69-4776-bea7-57ae8d88a7b6'),
  );
  assert.deepEqual(
    rulesOf(dir).filter((m) => m.startsWith('roles:')),
    [
      'roles: role Key Vault Crypto User (12338af0-0e69-4776-bea7-57ae8d88a7b6) is not assigned to the Function App identity (identity); the code needs it for radiology report and audit head signing',
    ],
  );
});

test('roles granted to a principal other than the Function App identity are reported', () => {
  const dir = mutated('main.bicep', (t) =>
    t.replace(/(module roles [\s\S]*?)principalId: identity\.outputs\.principalId/, '$1principalId: principalId'),
  );
  const missing = rulesOf(dir).filter((m) => m.startsWith('roles:'));
  assert.ok(missing.some((m) => m.includes('Cognitive Services OpenAI User')));
  assert.ok(!missing.some((m) => m.includes('Crypto Service Encryption User')), 'cmk-access still grants that one');
});
