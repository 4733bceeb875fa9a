import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { objectKeys, parseBicep } from './bicep';
import type { Template } from './instances';

export type { Template } from './instances';

export interface Finding {
  rule: string;
  file: string;
  line?: number;
  message: string;
  /** The deployment scenario (parameters, cloud) the finding was seen under, when it depends on one. */
  scenario?: string;
}

export function readTemplates(infraDir: string, files: string[]): Template[] {
  return files.map((file) => {
    const text = readFileSync(path.join(infraDir, file), 'utf8');
    return { file, text, declarations: parseBicep(text) };
  });
}

const SECRET_NAME = /secret|password|connectionstring|apikey|accountkey/i;
const UNTAGGED_TYPES =
  /roleAssignments|roleDefinitions|diagnosticSettings|immutabilityPolicies|managementPolicies|\/default$/;
const DIAGNOSABLE =
  /Microsoft\.(KeyVault\/vaults|CognitiveServices\/accounts|ServiceBus\/namespaces|Web\/sites|Storage\/storageAccounts\/(blob|queue|table)Services)@/;

export function paramsDescribed(t: Template): Finding[] {
  return t.declarations
    .filter((d) => d.kind === 'param' && !d.decorators.some((x) => x.startsWith('@description(')))
    .map((d) => ({
      rule: 'param-description',
      file: t.file,
      line: d.line,
      message: `param ${d.name} has no @description`,
    }));
}

export function secretsSecure(t: Template): Finding[] {
  return t.declarations
    .filter((d) => d.kind === 'param' && SECRET_NAME.test(d.name) && !d.decorators.includes('@secure()'))
    .map((d) => ({
      rule: 'secure-param',
      file: t.file,
      line: d.line,
      message: `param ${d.name} looks secret but is not @secure()`,
    }));
}

export function parametersFileHasNoSecrets(main: Template, parametersJson: string, file: string): Finding[] {
  const secure = new Set(main.declarations.filter((d) => d.decorators.includes('@secure()')).map((d) => d.name));
  const values = (JSON.parse(parametersJson) as { parameters: Record<string, { value?: unknown }> }).parameters;
  return Object.entries(values)
    .filter(([name, p]) => secure.has(name) && !(typeof p.value === 'string' && /^\$\{[A-Z0-9_]+\}$/.test(p.value)))
    .map(([name]) => ({
      rule: 'plain-secret',
      file,
      message: `secure parameter ${name} has a literal value; read it from the environment`,
    }));
}

export function resourcesTagged(t: Template): Finding[] {
  return t.declarations
    .filter(
      (d) =>
        d.kind === 'resource' && !d.existing && !UNTAGGED_TYPES.test(d.target ?? '') && !/^\s*parent:/m.test(d.body),
    )
    .filter((d) => !/^\s*tags:/m.test(d.body))
    .map((d) => ({
      rule: 'tags',
      file: t.file,
      line: d.line,
      message: `resource ${d.name} (${d.target}) has no tags`,
    }));
}

export function diagnosticsWired(t: Template): Finding[] {
  const scoped = new Set(
    t.declarations
      .filter((d) => d.target?.startsWith('Microsoft.Insights/diagnosticSettings'))
      .map((d) => /^\s*scope:\s*(\w+)/m.exec(d.body)?.[1]),
  );
  return t.declarations
    .filter((d) => d.kind === 'resource' && !d.existing && DIAGNOSABLE.test(d.target ?? '') && !scoped.has(d.name))
    .map((d) => ({
      rule: 'diagnostics',
      file: t.file,
      line: d.line,
      message: `resource ${d.name} sends no diagnostics to Log Analytics`,
    }));
}

export function modulesMatch(t: Template, infraDir: string): Finding[] {
  const findings: Finding[] = [];
  for (const d of t.declarations.filter((x) => x.kind === 'module')) {
    const modulePath = path.join(infraDir, path.dirname(t.file), d.target ?? '');
    if (!existsSync(modulePath)) {
      findings.push({
        rule: 'module',
        file: t.file,
        line: d.line,
        message: `module ${d.name}: ${d.target} does not exist`,
      });
      continue;
    }
    const declared = parseBicep(readFileSync(modulePath, 'utf8')).filter((x) => x.kind === 'param');
    const paramsAt = d.body.search(/^\s*params:/m);
    const passed = paramsAt >= 0 ? objectKeys(d.body.slice(paramsAt + d.body.slice(paramsAt).indexOf(':') + 1)) : [];
    for (const name of passed) {
      if (!declared.some((p) => p.name === name))
        findings.push({
          rule: 'module',
          file: t.file,
          line: d.line,
          message: `module ${d.name} passes ${name}, which ${d.target} does not declare`,
        });
    }
    for (const p of declared) {
      if (!p.body.includes('=') && !passed.includes(p.name))
        findings.push({
          rule: 'module',
          file: t.file,
          line: d.line,
          message: `module ${d.name} does not pass required param ${p.name} of ${d.target}`,
        });
    }
  }
  return findings;
}
