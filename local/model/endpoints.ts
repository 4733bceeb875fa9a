import { endpointsSchema, type ModelEndpoint } from '../../shared/model/endpoints';
import { REGIONS } from '../../shared/model/regions';

/**
 * The default local topology the local model server plays: two pay-as-you-go regions at 60/40, two more regions as
 * failover, a PTU deployment tried first, and a US Government region for the FOIA pipeline's `data-zone:usgov`.
 */
export function localEndpoints(urls: Record<string, string>): ModelEndpoint[] {
  const all = ['radiology-draft', 'var-narrative', 'foia-redact', 'chat'];
  const deployments = Object.fromEntries(all.map((d) => [d, d]));
  const ep = (
    name: string,
    region: string,
    kind: 'ptu' | 'payg',
    weight: number,
    priority: number,
    extra: Partial<ModelEndpoint> = {},
  ) =>
    endpointsSchema.element.parse({
      name,
      region,
      dataZone: REGIONS[region]!.zone,
      kind,
      url: urls[name],
      deployments,
      weight,
      priority,
      ...extra,
    });
  return [
    ep('eastus-ptu', 'eastus', 'ptu', 100, 0, { ptuCapacity: 600 }),
    ep('eastus', 'eastus', 'payg', 60, 1),
    ep('westeurope', 'westeurope', 'payg', 40, 1),
    ep('uksouth', 'uksouth', 'payg', 50, 2),
    ep('japaneast', 'japaneast', 'payg', 50, 2),
    ep('usgovvirginia', 'usgovvirginia', 'payg', 100, 1),
  ];
}

export const LOCAL_ENDPOINT_NAMES = ['eastus-ptu', 'eastus', 'westeurope', 'uksouth', 'japaneast', 'usgovvirginia'];
