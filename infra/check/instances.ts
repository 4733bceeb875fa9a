import path from 'node:path';
import type { Declaration } from './bicep';
import { type DeploymentContext, evaluateBody, evaluateTemplate } from './evaluate';

export interface Template {
  file: string;
  text: string;
  declarations: Declaration[];
}

/** One evaluated template: main, or a module as one call (one loop item) passes its params. */
export interface Instance {
  template: Template;
  scope: Record<string, unknown>;
}

/** main.bicep and every module it calls, each evaluated with what it is given. Throws the template's `fail()`. */
export function instantiate(
  templates: Template[],
  infraDir: string,
  params: Record<string, unknown> = {},
  context: DeploymentContext = {},
): Instance[] {
  const main = templates.find((t) => t.file === 'main.bicep');
  if (!main) throw new Error('infra has no main.bicep');
  const scope = evaluateTemplate(main.declarations, infraDir, params, context);
  const instances: Instance[] = [{ template: main, scope }];
  for (const d of main.declarations.filter((x) => x.kind === 'module')) {
    const module = templates.find((t) => t.file === path.posix.join(path.posix.dirname(main.file), d.target ?? ''));
    if (!module) continue;
    const body = evaluateBody(d, scope);
    for (const call of body === null ? [] : Array.isArray(body) ? body : [body]) {
      const given = (call as { params?: Record<string, unknown> }).params ?? {};
      instances.push({ template: module, scope: evaluateTemplate(module.declarations, infraDir, given, context) });
    }
  }
  return instances;
}

/** The resources of a type an instance deploys (not `existing` ones), evaluated: one per loop item, none when off. */
export function resourcesOf(instance: Instance, type: RegExp): { declaration: Declaration; value: Resource }[] {
  return instance.template.declarations
    .filter((d) => d.kind === 'resource' && !d.existing && type.test(d.target ?? ''))
    .flatMap((declaration) => {
      const body = evaluateBody(declaration, instance.scope);
      const values = body === null ? [] : Array.isArray(body) ? body : [body];
      return values.map((value) => ({ declaration, value: value as Resource }));
    });
}

export interface Resource {
  name?: unknown;
  properties?: Record<string, unknown>;
  [key: string]: unknown;
}
