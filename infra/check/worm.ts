import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { appSettingsOf } from './app-settings';
import { instantiate, resourcesOf } from './instances';
import type { Finding, Template } from './rules';

const CONTAINER = /^Microsoft\.Storage\/storageAccounts\/blobServices\/containers@/;

/**
 * The container the app writes its audit chains to (AUDIT_CONTAINER) must carry a time-based immutability policy:
 * the configured retention, append writes allowed (the chains are append blobs), and, once the policy is locked,
 * no longer sent — a locked policy accepts only an extension, so re-sending it would fail every deployment.
 */
export function auditWorm(templates: Template[], infraDir: string, parametersJson: string): Finding[] {
  const findings: Finding[] = [];
  const parameters = (JSON.parse(parametersJson) as { parameters: Record<string, { value?: unknown }> }).parameters;
  if (!/^\$\{[A-Z0-9_]+(=[^}]*)?\}$/.test(String(parameters.auditWormLocked?.value)))
    findings.push({
      rule: 'worm',
      file: 'main.parameters.json',
      message: 'auditWormLocked is not read from the azd environment, so a locked policy cannot be declared',
    });
  for (const locked of [false, true]) {
    const instances = instantiate(templates, infraDir, { auditWormLocked: locked });
    const main = instances[0]!;
    const container = appSettingsOf(main.scope)?.AUDIT_CONTAINER;
    const retentionDays = main.scope.auditRetentionDays;
    const audit = instances.flatMap((instance) =>
      resourcesOf(instance, CONTAINER)
        .filter((c) => c.value.name === container)
        .map((c) => ({ instance, symbol: c.declaration.name })),
    )[0];
    if (!audit) {
      findings.push({
        rule: 'worm',
        file: main.template.file,
        message: `no template creates the audit container ${container}`,
      });
      break;
    }
    const policies = resourcesOf(audit.instance, /\/containers\/immutabilityPolicies@/).filter(
      (p) => /^\s*parent:\s*(\w+)/m.exec(p.declaration.body)?.[1] === audit.symbol,
    );
    const file = audit.instance.template.file;
    if (locked) {
      if (policies.length > 0)
        findings.push({ rule: 'worm', file, message: 'with auditWormLocked the locked audit policy is still sent' });
      continue;
    }
    const policy = policies[0]?.value.properties;
    if (!policy)
      findings.push({ rule: 'worm', file, message: `audit container ${container} has no immutability policy` });
    else if (policy.immutabilityPeriodSinceCreationInDays !== retentionDays)
      findings.push({
        rule: 'worm',
        file,
        message: `the audit policy does not keep records for auditRetentionDays (${retentionDays})`,
      });
    else if (policy.allowProtectedAppendWrites !== true)
      findings.push({
        rule: 'worm',
        file,
        message: 'the audit policy forbids protected append writes: the append-blob chains could not grow',
      });
  }
  return findings;
}

/** What a parameters file gives a parameter: a literal, or the default of an azd `${VAR=default}` reference. */
function effective(value: unknown): unknown {
  const reference = /^\$\{[A-Z0-9_]+(?:=([^}]*))?\}$/.exec(String(value));
  if (!reference) return value;
  return reference[1] === undefined ? undefined : reference[1];
}

/** A production parameters file (main.parameters.*prod*.json) must lock the audit WORM policy by default. */
export function productionWormLocked(infraDir: string): Finding[] {
  const files = readdirSync(infraDir).filter((f) => /^main\.parameters\..*prod.*\.json$/.test(f));
  if (files.length === 0)
    return [{ rule: 'worm', file: 'main.parameters.prod.json', message: 'no production parameters file' }];
  return files.flatMap((file) => {
    const parameters = (
      JSON.parse(readFileSync(path.join(infraDir, file), 'utf8')) as { parameters: Record<string, { value?: unknown }> }
    ).parameters;
    const locks = [parameters.auditWormLock?.value, parameters.auditWormLocked?.value].map(effective);
    if (locks.some((v) => v === true || v === 'true')) return [];
    return [
      {
        rule: 'worm',
        file,
        message:
          'production parameters leave the audit WORM policy unlocked: set auditWormLock to true (or auditWormLocked once it is locked)',
      },
    ];
  });
}
