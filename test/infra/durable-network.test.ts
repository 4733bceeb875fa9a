import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { appSettingsOf } from '../../infra/check/app-settings';
import { instantiate, resourcesOf } from '../../infra/check/instances';
import { azdVariable, infraDir, mutated, removeCopies, rulesOf, templatesOf } from './mutate';

after(removeCopies);

const PROVIDER = 'AzureFunctionsJobHost__extensions__durableTask__storageProvider__';
const deployed = (params: Record<string, unknown>, dir = infraDir) => instantiate(templatesOf(dir), dir, params);

test('durableBackend durableTaskScheduler: scheduler, task hub, azureManaged provider, identity connection and role', () => {
  const instances = deployed({ durableBackend: 'durableTaskScheduler' });
  const env = appSettingsOf(instances[0]!.scope)!;
  assert.equal(env[`${PROVIDER}type`], 'azureManaged');
  assert.equal(env[`${PROVIDER}connectionStringName`], 'DURABLE_TASK_SCHEDULER_CONNECTION_STRING');
  assert.match(
    env.DURABLE_TASK_SCHEDULER_CONNECTION_STRING!,
    new RegExp(
      `^Endpoint=.+;Authentication=ManagedIdentity;ClientID=${env.AZURE_CLIENT_ID!.replace(/[.()]/g, '\\$&')}$`,
    ),
  );
  assert.equal(env.AzureFunctionsJobHost__extensions__durableTask__hubName, 'EnclaveHub');
  const types = instances.flatMap((i) => resourcesOf(i, /^Microsoft\.DurableTask\//).map((r) => r.declaration.target));
  assert.deepEqual(types, [
    'Microsoft.DurableTask/schedulers@2025-11-01',
    'Microsoft.DurableTask/schedulers/taskHubs@2025-11-01',
  ]);
  const roles = instances.find((i) => i.template.file === 'modules/roles.bicep')!;
  assert.equal(resourcesOf(roles, /roleAssignments@/).filter((r) => r.declaration.name === 'durableAccess').length, 1);
  assert.ok(
    !(roles.scope.blobContainers as string[]).includes('enclavehub-leases'),
    'no Azure Storage provider containers',
  );
});

test('the default backend is the Azure Storage provider: no scheduler, no override, its containers granted', () => {
  const instances = deployed({});
  const env = appSettingsOf(instances[0]!.scope)!;
  assert.equal(env[`${PROVIDER}type`], undefined);
  assert.equal(env.DURABLE_TASK_SCHEDULER_CONNECTION_STRING, undefined);
  assert.equal(instances.flatMap((i) => resourcesOf(i, /^Microsoft\.DurableTask\//)).length, 0);
  const roles = instances.find((i) => i.template.file === 'modules/roles.bicep')!;
  assert.ok((roles.scope.blobContainers as string[]).includes('enclavehub-largemessages'));
});

test('a scheduler connection with a key, or without its role, is reported in the Durable Task Scheduler shape', () => {
  const keyed = mutated('main.bicep', (t) =>
    t.replace(
      `;Authentication=ManagedIdentity;ClientID=${azdVariable('identity.outputs.clientId')}`,
      ';Authentication=AccessKey',
    ),
  );
  assert.ok(
    rulesOf(keyed).some((m) => m.startsWith('durable: DURABLE_TASK_SCHEDULER_CONNECTION_STRING is not Endpoint=')),
  );
  const noRole = mutated('modules/roles.bicep', (t) =>
    t.replace("durableTaskDataContributor: '0ad04412-c4d5-4796-b79c-f76d14c8d402'", "durableTaskDataContributor: 'x'"),
  );
  assert.ok(rulesOf(noRole).some((m) => m.startsWith('roles: role Durable Task Data Contributor')));
});

test('privateNetwork: public access off everywhere, a private endpoint per service, VNet integration', () => {
  const isPrivate = deployed({ privateNetwork: true });
  const publicAccess = isPrivate.flatMap((i) =>
    resourcesOf(
      i,
      /^Microsoft\.(Storage\/storageAccounts|KeyVault\/vaults|ServiceBus\/namespaces|CognitiveServices\/accounts)@/,
    ).map((r) => `${i.template.file}:${r.value.properties?.publicNetworkAccess}`),
  );
  assert.ok(publicAccess.length >= 6, publicAccess.join(' '));
  assert.deepEqual(
    publicAccess.filter((p) => !p.endsWith(':Disabled')),
    [],
  );
  const endpoints = isPrivate
    .flatMap((i) => resourcesOf(i, /^Microsoft\.Network\/privateEndpoints@/))
    .map(
      (r) =>
        (r.value.properties as { privateLinkServiceConnections: { properties: { groupIds: string[] } }[] })
          .privateLinkServiceConnections[0]!.properties.groupIds[0],
    );
  assert.deepEqual(endpoints.sort(), ['account', 'account', 'account', 'blob', 'namespace', 'queue', 'table', 'vault']);
  const site = isPrivate.flatMap((i) => resourcesOf(i, /^Microsoft\.Web\/sites@/))[0]!;
  // The subnet id is a deployment-time value (the network module's output): here only that one is given.
  assert.notEqual(site.value.properties?.virtualNetworkSubnetId ?? '', '');
  const bus = isPrivate.flatMap((i) => resourcesOf(i, /^Microsoft\.ServiceBus\/namespaces@/))[0]!;
  assert.equal((bus.value.sku as { name: string }).name, 'Premium');

  const open = deployed({});
  assert.equal(open.flatMap((i) => resourcesOf(i, /^Microsoft\.Network\//)).length, 0);
  assert.equal(
    open.flatMap((i) => resourcesOf(i, /^Microsoft\.Web\/sites@/))[0]!.value.properties?.virtualNetworkSubnetId,
    null,
  );
});

test('App Service Authentication is on: Entra ID, login required except the health probe', () => {
  const [auth] = deployed({ authClientId: 'client-1' }).flatMap((i) =>
    resourcesOf(i, /^Microsoft\.Web\/sites\/config@/),
  );
  assert.equal(auth!.value.name, 'authsettingsV2');
  const properties = auth!.value.properties as Record<string, Record<string, unknown>>;
  assert.deepEqual(properties.platform, { enabled: true });
  assert.deepEqual(
    [properties.globalValidation!.requireAuthentication, properties.globalValidation!.excludedPaths],
    [true, ['/api/health']],
  );
});

test('production parameters lock the audit WORM policy; leaving it unlocked is reported', () => {
  assert.deepEqual(
    rulesOf(infraDir).filter((m) => m.startsWith('worm:')),
    [],
  );
  const unlocked = mutated('main.parameters.prod.json', (t) =>
    t.replace(azdVariable('ENCLAVE_AUDIT_WORM_LOCK=true'), azdVariable('ENCLAVE_AUDIT_WORM_LOCK=false')),
  );
  assert.deepEqual(
    rulesOf(unlocked).filter((m) => m.startsWith('worm:')),
    [
      'worm: production parameters leave the audit WORM policy unlocked: set auditWormLock to true (or auditWormLocked once it is locked)',
    ],
  );
  const [lock] = deployed({ auditWormLock: true }).flatMap((i) =>
    resourcesOf(i, /^Microsoft\.Resources\/deploymentScripts@/),
  );
  assert.match(String((lock!.value.properties as { scriptContent: string }).scriptContent), /immutability-policy lock/);
  assert.equal(
    deployed({ auditWormLock: true, auditWormLocked: true }).flatMap((i) => resourcesOf(i, /deploymentScripts@/))
      .length,
    0,
  );
});
