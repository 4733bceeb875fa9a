import path from 'node:path';
import { objectEntries } from './bicep';
import type { Finding, Template } from './rules';

const PER_DEPLOYMENT = /\b(newGuid|utcNow)\s*\(/;

/** Where a per-deployment value comes from, for each param or var of a template that carries one. */
type Origins = Map<string, string>;

function originIn(expression: string, origins: Origins, here: string): string | undefined {
  const call = PER_DEPLOYMENT.exec(expression);
  if (call) return `${here} = ${call[1]}()`;
  for (const [name, origin] of origins) if (new RegExp(`\\b${name}\\b`).test(expression)) return origin;
  return undefined;
}

/** Params (defaults, unless the caller passed a value) and vars that take a value new at every deployment. */
function perDeploymentValues(t: Template, passed: Map<string, string | undefined>): Origins {
  const origins: Origins = new Map();
  for (const d of t.declarations) {
    if (d.kind !== 'param' && d.kind !== 'var') continue;
    const eq = d.body.indexOf('=');
    const origin = passed.has(d.name)
      ? passed.get(d.name)
      : eq < 0
        ? undefined
        : originIn(d.body.slice(eq + 1), origins, `${t.file} ${d.kind} ${d.name}`);
    if (origin) origins.set(d.name, origin);
  }
  return origins;
}

/**
 * A Key Vault secret whose value comes from newGuid() or utcNow() is replaced at every deployment: a manual rotation
 * is overwritten and whatever the old value signed stops verifying.
 */
export function secretsNotRegenerated(templates: Template[]): Finding[] {
  const main = templates.find((t) => t.file === 'main.bicep');
  if (!main) return [];
  const mainOrigins = perDeploymentValues(main, new Map());
  const scopes: { template: Template; origins: Origins }[] = [{ template: main, origins: mainOrigins }];
  for (const call of main.declarations.filter((d) => d.kind === 'module')) {
    const module = templates.find((t) => t.file === path.posix.join(path.posix.dirname(main.file), call.target ?? ''));
    if (!module) continue;
    const params = objectEntries(objectEntries(call.body).find((e) => e.key === 'params')?.value ?? '');
    const passed = new Map(
      params.map((p) => [p.key, originIn(p.value, mainOrigins, `${main.file} module ${call.name}`)]),
    );
    scopes.push({ template: module, origins: perDeploymentValues(module, passed) });
  }
  return scopes.flatMap(({ template, origins }) =>
    template.declarations
      .filter((d) => d.kind === 'resource' && !d.existing && d.target?.startsWith('Microsoft.KeyVault/vaults/secrets@'))
      .flatMap((d) => {
        const value = /^\s*value:\s*(.+)$/m.exec(d.body)?.[1] ?? '';
        const origin = originIn(value, origins, `${template.file} resource ${d.name}`);
        return origin
          ? [
              {
                rule: 'secret-regenerated',
                file: template.file,
                line: d.line,
                message: `Key Vault secret ${d.name} gets a new value at every deployment (${origin}); take it from a required @secure() parameter instead`,
              },
            ]
          : [];
      }),
  );
}
