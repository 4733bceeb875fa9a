import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Declaration } from './bicep';
import { bicepToJs } from './translate';

/** A value the template only knows at deployment time (an output, an id): it prints as its own path. */
function deploymentValue(name: string): unknown {
  const text = `https://${name.replace(/[^\w]+/g, '-').toLowerCase()}.placeholder.invalid/`;
  const target = () => text;
  return new Proxy(target, {
    get(_t, key) {
      if (key === Symbol.toPrimitive || key === 'toString' || key === 'toJSON') return () => text;
      if (typeof key === 'symbol') return undefined;
      return deploymentValue(`${name}.${key}`);
    },
    apply: () => deploymentValue(`${name}()`),
  });
}

function builtins(infraDir: string): Record<string, unknown> {
  const asText = (v: unknown) => (typeof v === 'string' ? v : String(v));
  return {
    string: (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v)),
    concat: (...parts: unknown[]) => (parts.every(Array.isArray) ? parts.flat() : parts.map((p) => asText(p)).join('')),
    empty: (v: unknown) => v === '' || v === null || (Array.isArray(v) && v.length === 0),
    toLower: (v: unknown) => asText(v).toLowerCase(),
    union: (...objects: object[]) => Object.assign({}, ...objects),
    items: (o: object) => Object.entries(o).map(([key, value]) => ({ key, value })),
    uniqueString: (...parts: unknown[]) =>
      createHash('sha256').update(parts.map(asText).join('|')).digest('hex').slice(0, 13),
    guid: (...parts: unknown[]) => createHash('sha256').update(parts.map(asText).join('|')).digest('hex').slice(0, 32),
    newGuid: () => '00000000-0000-4000-8000-000000000000',
    loadJsonContent: (file: string) => JSON.parse(readFileSync(path.join(infraDir, file), 'utf8')),
    subscription: () => deploymentValue('subscription'),
    resourceGroup: () => deploymentValue('resourceGroup'),
    subscriptionResourceId: (...parts: unknown[]) => `/subscriptions/placeholder/${parts.map(asText).join('/')}`,
  };
}

/**
 * Evaluates the params (defaults or the given values) and vars of a template in order; resources and modules are
 * deployment-time values. Returns every named value.
 */
export function evaluateTemplate(
  declarations: Declaration[],
  infraDir: string,
  paramValues: Record<string, unknown> = {},
): Record<string, unknown> {
  const scope: Record<string, unknown> = { ...builtins(infraDir) };
  for (const d of declarations) {
    if (d.kind === 'resource' || d.kind === 'module') scope[d.name] = deploymentValue(d.name);
  }
  for (const d of declarations) {
    if (d.kind === 'param') {
      if (d.name in paramValues) scope[d.name] = paramValues[d.name];
      else {
        const eq = d.body.indexOf('=');
        scope[d.name] = eq >= 0 ? run(d.body.slice(eq + 1), scope, d) : deploymentValue(`param.${d.name}`);
      }
    } else if (d.kind === 'var') {
      scope[d.name] = run(d.body.slice(d.body.indexOf('=') + 1), scope, d);
    }
  }
  return scope;
}

function run(expression: string, scope: Record<string, unknown>, d: Declaration): unknown {
  const js = bicepToJs(expression.trim());
  try {
    return new Function(...Object.keys(scope), `return (${js});`)(...Object.values(scope));
  } catch (error) {
    throw new Error(`cannot evaluate ${d.kind} ${d.name} (line ${d.line}): ${(error as Error).message}\n${js}`);
  }
}
