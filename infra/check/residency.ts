import { parseResidency, type ResidencyPolicy, regionAllowed } from '../../shared/model/residency';
import { type Instance, resourcesOf } from './instances';
import type { Finding } from './rules';

function policies(
  env: Record<string, string>,
): { key: string; text: string; policy?: ResidencyPolicy; error?: string }[] {
  return Object.entries(env)
    .filter(([key]) => key.endsWith('_RESIDENCY'))
    .map(([key, text]) => {
      try {
        return { key, text, policy: parseResidency(text) };
      } catch (error) {
        return { key, text, error: (error as Error).message };
      }
    });
}

/** Each pipeline's policy must be one the app accepts and be satisfiable by a region infra deploys. */
export function residencySatisfiable(env: Record<string, string>, file: string): Finding[] {
  const endpoints = JSON.parse(env.MODEL_ENDPOINTS ?? '[]') as { region: string; dataZone: string }[];
  return policies(env).flatMap(({ key, text, policy, error }): Finding[] => {
    if (!policy)
      return [{ rule: 'residency', file, message: `${key}=${text} is not a policy the app accepts: ${error}` }];
    if (endpoints.some((e) => regionAllowed(policy, e.region))) return [];
    return [
      {
        rule: 'residency',
        file,
        message: `${key}=${text} matches none of the deployed regions (${endpoints.map((e) => `${e.region}/${e.dataZone}`).join(', ')})`,
      },
    ];
  });
}

/**
 * What each Azure OpenAI account deploys must keep a call inside every policy that may route to it: a DataZone SKU
 * processes anywhere in its data zone (and exists only inside one), a Global SKU anywhere.
 */
export function residencyModeFits(instances: Instance[], env: Record<string, string>, file: string): Finding[] {
  const dataZones = (instances[0]?.scope.azureDataZones ?? {}) as Record<string, string>;
  const findings: Finding[] = [];
  for (const instance of instances) {
    const account = resourcesOf(instance, /^Microsoft\.CognitiveServices\/accounts@/).find(
      (r) => r.value.kind === 'OpenAI',
    );
    if (!account) continue;
    const region = String(account.value.location);
    const skus = new Set(
      resourcesOf(instance, /^Microsoft\.CognitiveServices\/accounts\/deployments@/).map((d) =>
        String((d.value.sku as { name?: unknown } | undefined)?.name),
      ),
    );
    for (const sku of skus) {
      const scope = sku.startsWith('DataZone') ? 'data-zone' : sku.startsWith('Global') ? 'global' : 'region';
      if (scope === 'data-zone' && !(region in dataZones))
        findings.push({
          rule: 'residency-mode',
          file,
          message: `${sku} in ${region}: the region lies in no Azure data zone`,
        });
      for (const { key, text, policy } of policies(env)) {
        if (!policy || !regionAllowed(policy, region)) continue;
        const narrower =
          scope === 'global' ? policy.mode !== 'global' : scope === 'data-zone' && policy.mode === 'single-region';
        if (narrower)
          findings.push({
            rule: 'residency-mode',
            file,
            message: `${key}=${text} can route to ${sku} in ${region}, which may process outside the policy`,
          });
      }
    }
  }
  return findings;
}
