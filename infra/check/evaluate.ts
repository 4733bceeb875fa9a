import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Declaration } from './bicep';
import { bicepToJs } from './translate';

/** A value the template only knows at deployment time (an output, an id): it prints as its own path. */
export function deploymentValue(name: string): unknown {
  const slug = name.replace(/[^\w]+/g, '-').toLowerCase();
  // A Key Vault key URI keeps its shape, so the app's config schema can check the setting it feeds.
  const text = /(keyid|keyuri)$/i.test(name)
    ? `https://${slug}.vault.placeholder.invalid/keys/${slug}`
    : `https://${slug}.placeholder.invalid/`;
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

/** The template's own `fail()`: a deployment with these parameters is refused with this message. */
export class TemplateFailure extends Error {
  override readonly name = 'TemplateFailure';
}

/** What the deployment target decides: the cloud (`environment().name`). */
export interface DeploymentContext {
  cloud?: 'AzureCloud' | 'AzureUSGovernment';
}

function builtins(infraDir: string, context: DeploymentContext): Record<string, unknown> {
  const asText = (v: unknown) => (typeof v === 'string' ? v : String(v));
  return {
    string: (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v)),
    concat: (...parts: unknown[]) => (parts.every(Array.isArray) ? parts.flat() : parts.map((p) => asText(p)).join('')),
    empty: (v: unknown) =>
      v === '' ||
      v === null ||
      (Array.isArray(v) && v.length === 0) ||
      (isPlainObject(v) && Object.keys(v).length === 0),
    length: (v: unknown[] | string) => v.length,
    contains: (container: unknown, item: string) =>
      isPlainObject(container) ? item in container : (container as unknown[] | string).includes(item),
    startsWith: (text: string, prefix: string) => text.startsWith(prefix),
    join: (items: unknown[], separator: string) => items.map(asText).join(separator),
    filter: (items: unknown[], keep: (item: unknown) => boolean) => items.filter((item) => keep(item)),
    map: (items: unknown[], each: (item: unknown) => unknown) => items.map((item) => each(item)),
    toLower: (v: unknown) => asText(v).toLowerCase(),
    union: (...objects: object[]) => Object.assign({}, ...objects),
    items: (o: object) =>
      Object.entries(o)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, value]) => ({ key, value })),
    uniqueString: (...parts: unknown[]) =>
      createHash('sha256').update(parts.map(asText).join('|')).digest('hex').slice(0, 13),
    guid: (...parts: unknown[]) => createHash('sha256').update(parts.map(asText).join('|')).digest('hex').slice(0, 32),
    newGuid: () => '00000000-0000-4000-8000-000000000000',
    utcNow: () => '20260101T000000Z',
    fail: (message: string) => {
      throw new TemplateFailure(message);
    },
    environment: () =>
      context.cloud === 'AzureUSGovernment'
        ? {
            name: 'AzureUSGovernment',
            suffixes: { storage: 'core.usgovcloudapi.net' },
            authentication: { loginEndpoint: 'https://login.microsoftonline.us/' },
          }
        : {
            name: context.cloud ?? 'AzureCloud',
            suffixes: { storage: 'core.windows.net' },
            authentication: { loginEndpoint: 'https://login.microsoftonline.com/' },
          },
    loadJsonContent: (file: string) => JSON.parse(readFileSync(path.join(infraDir, file), 'utf8')),
    subscription: () => deploymentValue('subscription'),
    resourceGroup: () => deploymentValue('resourceGroup'),
    subscriptionResourceId: (...parts: unknown[]) => `/subscriptions/placeholder/${parts.map(asText).join('/')}`,
  };
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Evaluates the params (defaults or the given values) and vars of a template in order; resources and modules are
 * deployment-time values. Returns every named value. A `fail()` in the template throws a TemplateFailure.
 */
export function evaluateTemplate(
  declarations: Declaration[],
  infraDir: string,
  paramValues: Record<string, unknown> = {},
  context: DeploymentContext = {},
): Record<string, unknown> {
  const scope: Record<string, unknown> = { ...builtins(infraDir, context) };
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

/**
 * The body of a resource or module declaration in the given scope: an object, an array of objects (a loop), or
 * null when its `if` condition is false.
 */
export function evaluateBody(d: Declaration, scope: Record<string, unknown>): unknown {
  const body = d.body.slice(d.body.indexOf('=') + 1).trim();
  const condition = /^if\s*\(/.exec(body);
  if (!condition) return run(body, scope, d);
  let depth = 0;
  let close = condition[0].length - 1;
  for (; close < body.length; close++) {
    if (body[close] === '(') depth++;
    else if (body[close] === ')' && --depth === 0) break;
  }
  return run(body.slice(condition[0].length, close), scope, d) ? run(body.slice(close + 1), scope, d) : null;
}

function run(expression: string, scope: Record<string, unknown>, d: Declaration): unknown {
  const js = bicepToJs(expression.trim());
  let evaluate: (...values: unknown[]) => unknown;
  try {
    evaluate = new Function(...Object.keys(scope), `return (${js});`) as typeof evaluate;
  } catch (error) {
    throw new Error(`cannot evaluate ${d.kind} ${d.name} (line ${d.line}): ${(error as Error).message}\n${js}`);
  }
  try {
    return evaluate(...Object.values(scope));
  } catch (error) {
    if (error instanceof TemplateFailure) throw error;
    throw new Error(`cannot evaluate ${d.kind} ${d.name} (line ${d.line}): ${(error as Error).message}\n${js}`);
  }
}
