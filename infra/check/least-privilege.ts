import { type Instance, resourcesOf } from './instances';
import { BROAD_ROLES, CONTAINER_SCOPED_ROLES, KEY_SCOPED_ROLES } from './required-roles';
import type { Finding } from './rules';

const ROLE_ID = /([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})'?\)?$/i;

/**
 * No role assignment grants an owner-type role, a Key Vault data role on the whole vault or a blob data role on the
 * whole account: each is scoped to the key, secret or container the code uses.
 */
export function leastPrivilege(instances: Instance[]): Finding[] {
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const instance of instances) {
    const { template } = instance;
    for (const { declaration, value } of resourcesOf(instance, /^Microsoft\.Authorization\/roleAssignments@/)) {
      const role = ROLE_ID.exec(String(value.properties?.roleDefinitionId))?.[1]?.toLowerCase();
      const scopeSymbol = /^\s*scope:\s*(\w+)/m.exec(declaration.body)?.[1];
      const scopeType = template.declarations.find((d) => d.name === scopeSymbol)?.target ?? '';
      const where = `resource ${declaration.name}`;
      const broad = BROAD_ROLES.find((r) => r.id === role);
      let message: string | undefined;
      if (broad)
        message = `${where} grants ${broad.name}: grant the data role the code needs (Contributor/Sender/Receiver/User)`;
      else if (role && KEY_SCOPED_ROLES.has(role) && /^Microsoft\.KeyVault\/vaults@/.test(scopeType))
        message = `${where} grants Key Vault role ${role} on the whole vault: scope it to the key or secret the code uses`;
      else if (role && CONTAINER_SCOPED_ROLES.has(role) && /^Microsoft\.Storage\/storageAccounts@/.test(scopeType))
        message = `${where} grants blob data role ${role} on the whole storage account: scope it to the containers the code uses`;
      if (message && !seen.has(`${template.file}|${message}`)) {
        seen.add(`${template.file}|${message}`);
        findings.push({ rule: 'least-privilege', file: template.file, line: declaration.line, message });
      }
    }
  }
  return findings;
}

/** The app must wait for its role assignments, or its Key Vault references resolve to their literal text. */
export function appAfterRoles(instances: Instance[]): Finding[] {
  const main = instances[0]!.template;
  const app = main.declarations.find((d) => d.kind === 'module' && d.target === 'modules/functionapp.bicep');
  const roles = main.declarations.find((d) => d.kind === 'module' && d.target === 'modules/roles.bicep');
  const dependsOn = /^\s*dependsOn:\s*\[([^\]]*)\]/m.exec(app?.body ?? '')?.[1] ?? '';
  if (!app || !roles || dependsOn.split(/[\s,]+/).includes(roles.name)) return [];
  return [
    {
      rule: 'least-privilege',
      file: main.file,
      line: app.line,
      message: `module ${app.name} does not depend on module ${roles.name}: the app could start before its Key Vault and storage roles exist`,
    },
  ];
}
