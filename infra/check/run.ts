import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { appSettingsOf, configParity } from './app-settings';
import { type DeploymentContext, TemplateFailure } from './evaluate';
import { flexAccepts, hostingPlan, timeZoneSettings } from './hosting';
import { anonymousFunctions } from './http-auth';
import { instantiate } from './instances';
import { appAfterRoles, leastPrivilege } from './least-privilege';
import { residencyModeFits, residencySatisfiable } from './residency';
import { durableBackend, rolesAssigned } from './roles';
import {
  diagnosticsWired,
  type Finding,
  modulesMatch,
  parametersFileHasNoSecrets,
  paramsDescribed,
  readTemplates,
  resourcesTagged,
  secretsSecure,
  type Template,
} from './rules';
import { secretsNotRegenerated } from './secrets';
import { auditWorm, productionWormLocked } from './worm';

export interface Scenario {
  name: string;
  params: Record<string, unknown>;
  context?: DeploymentContext;
}

/** The deployments DEPLOY.md describes: each must produce settings the app accepts. */
export const SCENARIOS: Scenario[] = [
  { name: 'defaults', params: {} },
  { name: 'data-zone with PTU', params: { residencyMode: 'data-zone', enablePtu: true } },
  { name: 'global', params: { residencyMode: 'global' } },
  { name: 'Azure Government', params: {}, context: { cloud: 'AzureUSGovernment' } },
  { name: 'Durable Task Scheduler', params: { durableBackend: 'durableTaskScheduler' } },
  { name: 'private network', params: { privateNetwork: true } },
  { name: 'with an operator', params: { principalId: '00000000-0000-0000-0000-0000000000aa' } },
];

/** What one deployment would produce, checked against the app's own schema and Azure's rules. */
export function checkScenario(templates: Template[], infraDir: string, scenario: Scenario): Finding[] {
  const main = templates.find((t) => t.file === 'main.bicep')!;
  let instances: ReturnType<typeof instantiate>;
  try {
    instances = instantiate(templates, infraDir, scenario.params, scenario.context);
  } catch (error) {
    if (!(error instanceof TemplateFailure)) throw error;
    return [{ rule: 'template', file: main.file, message: `the deployment is refused: ${error.message}` }];
  }
  const env = appSettingsOf(instances[0]!.scope);
  if (!env) return [{ rule: 'config', file: main.file, message: 'main.bicep defines no appSettings' }];
  const plan = hostingPlan(templates);
  return [
    ...configParity(env, main.file),
    ...residencySatisfiable(env, main.file),
    ...residencyModeFits(instances, env, main.file),
    ...(plan ? [...timeZoneSettings(env, plan, main.file), ...flexAccepts(env, plan, main.file)] : []),
    ...rolesAssigned(instances),
    ...durableBackend(instances, env, main.file),
    ...leastPrivilege(instances),
    ...appAfterRoles(instances),
  ];
}

/** Every check over infra/ (the Bicep compiler cannot be installed here, so this is a structural check). */
export function checkInfra(infraDir: string, scenarios: Scenario[] = SCENARIOS): Finding[] {
  const files = ['main.bicep', ...readdirSync(path.join(infraDir, 'modules')).map((f) => `modules/${f}`)].filter((f) =>
    f.endsWith('.bicep'),
  );
  const templates = readTemplates(infraDir, files);
  const main = templates.find((t) => t.file === 'main.bicep')!;
  const parameters = readFileSync(path.join(infraDir, 'main.parameters.json'), 'utf8');
  const findings = [
    ...templates.flatMap((t) => [
      ...paramsDescribed(t),
      ...secretsSecure(t),
      ...resourcesTagged(t),
      ...diagnosticsWired(t),
      ...modulesMatch(t, infraDir),
    ]),
    ...parametersFileHasNoSecrets(main, parameters, 'main.parameters.json'),
    ...secretsNotRegenerated(templates),
    ...auditWorm(templates, infraDir, parameters),
    ...productionWormLocked(infraDir),
  ];
  const seen = new Set(findings.map((f) => `${f.rule}|${f.message}`));
  for (const scenario of scenarios) {
    for (const f of checkScenario(templates, infraDir, scenario)) {
      const key = `${f.rule}|${f.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      findings.push({ ...f, scenario: scenario.name });
    }
  }
  return findings;
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
  const functionsDir = path.join(infraDir, '..', 'functions');
  const findings = [...compileWhenAvailable(infraDir), ...checkInfra(infraDir), ...anonymousFunctions(functionsDir)];
  for (const f of findings)
    console.error(
      `${f.file}${f.line ? `:${f.line}` : ''} [${f.rule}]${f.scenario ? ` (${f.scenario})` : ''} ${f.message}`,
    );
  console.log(
    findings.length === 0
      ? 'infra: OK (structural check; no Bicep compiler here)'
      : `infra: ${findings.length} problem(s)`,
  );
  process.exit(findings.length === 0 ? 0 : 1);
}
