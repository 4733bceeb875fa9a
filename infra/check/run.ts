import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  configParity,
  diagnosticsWired,
  type Finding,
  modulesMatch,
  parametersFileHasNoSecrets,
  paramsDescribed,
  readTemplates,
  resourcesTagged,
  rolesAssigned,
  secretsSecure,
} from './rules';

/** Every check over infra/ (the Bicep compiler cannot be installed here, so this is a structural check). */
export function checkInfra(infraDir: string): Finding[] {
  const files = ['main.bicep', ...readdirSync(path.join(infraDir, 'modules')).map((f) => `modules/${f}`)].filter((f) =>
    f.endsWith('.bicep'),
  );
  const templates = readTemplates(infraDir, files);
  const main = templates.find((t) => t.file === 'main.bicep')!;
  const roles = templates.find((t) => t.file === 'modules/roles.bicep')!;
  const parameters = readFileSync(path.join(infraDir, 'main.parameters.json'), 'utf8');
  return [
    ...templates.flatMap((t) => [
      ...paramsDescribed(t),
      ...secretsSecure(t),
      ...resourcesTagged(t),
      ...diagnosticsWired(t),
      ...modulesMatch(t, infraDir),
    ]),
    ...parametersFileHasNoSecrets(main, parameters, 'main.parameters.json'),
    ...rolesAssigned(roles),
    ...configParity(main, infraDir),
    ...configParity(main, infraDir, { enablePtu: true, residencyMode: 'data-zone' }),
  ];
}

/** When a Bicep compiler happens to be installed, compile for real too. */
function compileWhenAvailable(infraDir: string): Finding[] {
  const main = path.join(infraDir, 'main.bicep');
  for (const [cmd, args] of [
    ['bicep', ['build', main, '--stdout']],
    ['az', ['bicep', 'build', '--file', main, '--stdout']],
  ] as const) {
    const result = spawnSync(cmd, args, { encoding: 'utf8' });
    if (result.error) continue;
    console.log(`infra: compiled with ${cmd}`);
    return result.status === 0 ? [] : [{ rule: 'compile', file: 'main.bicep', message: result.stderr.trim() }];
  }
  return [];
}

if (require.main === module) {
  const infraDir = path.join(__dirname, '..', '..', '..', 'infra');
  const findings = [...compileWhenAvailable(infraDir), ...checkInfra(infraDir)];
  for (const f of findings) console.error(`${f.file}${f.line ? `:${f.line}` : ''} [${f.rule}] ${f.message}`);
  console.log(
    findings.length === 0
      ? 'infra: OK (structural check; no Bicep compiler here)'
      : `infra: ${findings.length} problem(s)`,
  );
  process.exit(findings.length === 0 ? 0 : 1);
}
