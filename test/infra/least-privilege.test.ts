import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { instantiate, resourcesOf } from '../../infra/check/instances';
import { infraDir, mutated, removeCopies, rulesOf, templatesOf } from './mutate';

after(removeCopies);

const BLOB_OWNER = 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b';
const BUS_OWNER = '090c5cfd-751d-490a-894a-3ce6f1109419';
const privilegeFindings = (dir: string) => rulesOf(dir).filter((m) => m.startsWith('least-privilege:'));

test('the shipped roles: blob access per container, Service Bus per entity, Key Vault per key and secret', () => {
  const instances = instantiate(templatesOf(infraDir), infraDir, {});
  const roles = instances.find((i) => i.template.file === 'modules/roles.bicep')!;
  const scopes = resourcesOf(roles, /roleAssignments@/).map(
    (r) => `${r.declaration.name}:${/^\s*scope:\s*(\w+)/m.exec(r.declaration.body)?.[1]}`,
  );
  for (const expected of [
    'blobAccess:containers',
    'keyAccess:keys',
    'secretAccess:vaultSecrets',
    'requestsSender:modelRequests',
    'requestsReceiver:modelRequests',
    'notificationsSender:notifications',
  ])
    assert.ok(scopes.includes(expected), `${expected} in ${scopes.join(', ')}`);
  const containers = (roles.scope.blobContainers as string[]).sort();
  assert.ok(
    containers.includes('audit') &&
      containers.includes('radiology-signed') &&
      containers.includes('azure-webjobs-hosts'),
  );
  assert.deepEqual(privilegeFindings(infraDir), []);
});

test('an Owner-type data role is reported, by role and resource', () => {
  const blob = mutated('modules/roles.bicep', (t) =>
    t.replace(
      "storageBlobDataContributor: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'",
      `storageBlobDataContributor: '${BLOB_OWNER}'`,
    ),
  );
  assert.ok(
    privilegeFindings(blob).includes(
      'least-privilege: resource blobAccess grants Storage Blob Data Owner: grant the data role the code needs (Contributor/Sender/Receiver/User)',
    ),
  );
  const bus = mutated('modules/roles.bicep', (t) =>
    t.replace("serviceBusDataSender: '69a216fc-b8fb-44d8-bc22-1f3c2cd27a39'", `serviceBusDataSender: '${BUS_OWNER}'`),
  );
  assert.ok(privilegeFindings(bus).some((m) => m.includes('grants Azure Service Bus Data Owner')));
});

test('a Key Vault role on the whole vault, or a blob role on the whole account, is reported', () => {
  const vaultWide = mutated('modules/roles.bicep', (t) => t.replace('  scope: keys[i]\n', '  scope: vault\n'));
  assert.ok(
    privilegeFindings(vaultWide).some(
      (m) =>
        m.startsWith('least-privilege: resource keyAccess grants Key Vault role') && m.includes('on the whole vault'),
    ),
  );
  const cmkVaultWide = mutated('modules/cmk-access.bicep', (t) => t.replace('  scope: keys[i]\n', '  scope: vault\n'));
  assert.ok(privilegeFindings(cmkVaultWide).some((m) => m.includes('resource unwrap') && m.includes('whole vault')));
  const accountWide = mutated('modules/roles.bicep', (t) =>
    t.replace('  scope: containers[i]\n', '  scope: storage\n'),
  );
  assert.ok(
    privilegeFindings(accountWide).some(
      (m) => m.includes('resource blobAccess') && m.includes('whole storage account'),
    ),
  );
});

test('the operator reads only the audit container and heads table, and may verify but not sign', () => {
  const instances = instantiate(templatesOf(infraDir), infraDir, { principalId: 'operator-id' });
  const operator = instances.find((i) => i.template.file === 'modules/operator-access.bicep')!;
  const scopes = resourcesOf(operator, /roleAssignments@/).map(
    (r) => /^\s*scope:\s*(\w+)/m.exec(r.declaration.body)?.[1],
  );
  assert.deepEqual(scopes, ['container', 'table', 'auditKey']);
  const [role] = resourcesOf(operator, /roleDefinitions@/);
  assert.deepEqual(
    (role!.value.properties as { permissions: { dataActions: string[] }[] }).permissions[0]!.dataActions,
    ['Microsoft.KeyVault/vaults/keys/read', 'Microsoft.KeyVault/vaults/keys/verify/action'],
  );
  const wide = mutated('modules/operator-access.bicep', (t) => t.replace('  scope: container\n', '  scope: storage\n'));
  assert.ok(
    privilegeFindings(wide).some((m) => m.includes('resource auditReader') && m.includes('whole storage account')),
  );
});

test('an app that does not wait for its role assignments is reported', () => {
  const dir = mutated('main.bicep', (t) =>
    t.replace('  dependsOn: [ roles, cmkAccess ]\n', '  dependsOn: [ cmkAccess ]\n'),
  );
  assert.deepEqual(privilegeFindings(dir), [
    'least-privilege: module functionApp does not depend on module roles: the app could start before its Key Vault and storage roles exist',
  ]);
});
