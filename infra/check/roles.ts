import { objectEntries } from './bicep';
import { deploymentValue } from './evaluate';
import { type Instance, resourcesOf } from './instances';
import { REQUIRED_ROLES } from './required-roles';
import type { Finding } from './rules';

const ROLE_ID = /([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/**
 * Every role the code needs must be the roleDefinitionId of a role assignment whose principalId is the identity the
 * Function App runs as — a role id that only appears in the text, or is granted to someone else, does not count.
 */
export function rolesAssigned(instances: Instance[]): Finding[] {
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
  return REQUIRED_ROLES.filter((r) => !granted.has(r.id)).map((r) => ({
    rule: 'roles',
    file: 'modules/roles.bicep',
    message: `role ${r.name} (${r.id}) is not assigned to the Function App identity (${identityModule}); the code needs it for ${r.why}`,
  }));
}
