import { objectEntries } from './bicep';
import { deploymentValue } from './evaluate';
import { type Instance, resourcesOf } from './instances';
import { REQUIRED_ROLES, SCHEDULER_ROLE } from './required-roles';
import type { Finding } from './rules';

const ROLE_ID = /([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/**
 * Every role the code needs must be the roleDefinitionId of a role assignment whose principalId is the identity the
 * Function App runs as — a role id that only appears in the text, or is granted to someone else, does not count.
 */
export function rolesAssigned(instances: Instance[], required = REQUIRED_ROLES): Finding[] {
  const main = instances[0]!.template;
  const app = main.declarations.find((d) => d.kind === 'module' && d.target === 'modules/functionapp.bicep');
  const params = objectEntries(objectEntries(app?.body ?? '').find((e) => e.key === 'params')?.value ?? '');
  const identityModule = /^(\w+)\.outputs\.id$/.exec(params.find((e) => e.key === 'identityId')?.value ?? '')?.[1];
  if (!identityModule)
    return [
      {
        rule: 'roles',
        file: main.file,
        message: 'cannot tell which identity the Function App runs as: pass identityId as <identity module>.outputs.id',
      },
    ];
  const appPrincipal = String(deploymentValue(`${identityModule}.outputs.principalId`));
  const granted = new Set(
    instances.flatMap((instance) =>
      resourcesOf(instance, /^Microsoft\.Authorization\/roleAssignments@/)
        .filter((r) => String(r.value.properties?.principalId) === appPrincipal)
        .map((r) => ROLE_ID.exec(String(r.value.properties?.roleDefinitionId))?.[1]?.toLowerCase()),
    ),
  );
  return required
    .filter((r) => !granted.has(r.id))
    .map((r) => ({
      rule: 'roles',
      file: 'modules/roles.bicep',
      message: `role ${r.name} (${r.id}) is not assigned to the Function App identity (${identityModule}); the code needs it for ${r.why}`,
    }));
}

const PROVIDER = 'AzureFunctionsJobHost__extensions__durableTask__storageProvider__';

/**
 * The Durable backend the settings select: with Durable Task Scheduler (storageProvider.type azureManaged, set as a
 * host.json override) the connection setting it names must be an identity connection to the scheduler with the
 * app's client id, the hub must be named, and the identity must hold Durable Task Data Contributor.
 */
export function durableBackend(instances: Instance[], env: Record<string, string>, file: string): Finding[] {
  const type = env[`${PROVIDER}type`];
  if (type === undefined) return [];
  const findings: Finding[] = [];
  if (type !== 'azureManaged')
    findings.push({
      rule: 'durable',
      file,
      message: `storageProvider type ${type}: only azureManaged (Durable Task Scheduler) is overridden here`,
    });
  const name = env[`${PROVIDER}connectionStringName`];
  const connection = name ? env[name] : undefined;
  if (!name || !connection)
    findings.push({
      rule: 'durable',
      file,
      message: `storageProvider connectionStringName ${name ?? '(unset)'} names no app setting`,
    });
  else if (!/^Endpoint=https:\/\/[^;]+;Authentication=ManagedIdentity;ClientID=[^;]+$/.test(connection))
    findings.push({
      rule: 'durable',
      file,
      message: `${name} is not Endpoint=https://<scheduler>;Authentication=ManagedIdentity;ClientID=<app identity client id>`,
    });
  else if (!connection.endsWith(`ClientID=${env.AZURE_CLIENT_ID}`))
    findings.push({
      rule: 'durable',
      file,
      message: `${name} names a client id other than the app's identity (AZURE_CLIENT_ID)`,
    });
  if (!env.AzureFunctionsJobHost__extensions__durableTask__hubName)
    findings.push({ rule: 'durable', file, message: 'no task hub name for the scheduler (durableTask hubName)' });
  return [...findings, ...rolesAssigned(instances, [SCHEDULER_ROLE])];
}
