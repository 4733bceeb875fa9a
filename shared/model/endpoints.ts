import { z } from 'zod';
import { REGIONS } from './regions';

const endpointSchema = z.object({
  name: z.string().min(1),
  region: z
    .string()
    .refine((r) => r in REGIONS, { message: `region must be one of ${Object.keys(REGIONS).join(', ')}` }),
  dataZone: z.enum(['americas', 'europe', 'asia-pacific', 'usgov']),
  kind: z.enum(['ptu', 'payg']),
  url: z.string().url(),
  /** Logical model → deployment name on this endpoint. */
  deployments: z.record(z.string(), z.string().min(1)),
  weight: z.number().min(0).default(0),
  priority: z.number().int().min(0).default(1),
  /**
   * Azure's deployment type: `regional` (Standard, ProvisionedManaged) serves in its own region; `data-zone` and
   * `global` may serve anywhere in their zone or worldwide, so only `x-ms-region` says where a call went.
   */
  deploymentType: z.enum(['regional', 'data-zone', 'global']).default('regional'),
  /** Hedge after this long without an answer (the gateway's MODEL_LATENCY_SLO_MS otherwise). */
  latencySloMs: z.number().int().positive().optional(),
  /** PTU: requests per minute the provisioned capacity is sized for (spill over past it). */
  ptuCapacity: z.number().positive().optional(),
  /** REST shape: `deployments` (dated api-version, AzureOpenAI client) or Azure's `v1` (`/openai/v1`, plain OpenAI client). */
  apiShape: z.enum(['deployments', 'v1']).optional(),
});

export const endpointsSchema = z.array(endpointSchema).min(1, 'at least one model endpoint is required');
export type ModelEndpoint = z.infer<typeof endpointSchema>;

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
    endpointSchema.parse({
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
