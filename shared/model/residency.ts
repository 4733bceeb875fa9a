import { NonRetryableError } from '../errors';
import type { ModelEndpoint } from './endpoints';
import { type DataZone, REGIONS } from './regions';

export type ResidencyPolicy =
  | { mode: 'single-region'; region: string }
  | { mode: 'data-zone'; zone: DataZone }
  | { mode: 'global' }
  | { mode: 'sovereign'; zone: 'usgov' };

/** The error's name as orchestrators read it back from an activity failure (they import no classes). */
export const RESIDENCY_UNAVAILABLE = 'ResidencyUnavailableError';

export class ResidencyUnavailableError extends NonRetryableError {
  override readonly name = RESIDENCY_UNAVAILABLE;
  constructor(
    readonly policy: string,
    detail: string,
    /** When an allowed endpoint takes calls again, if it is only out of rotation (open circuit, cooling down). */
    readonly retryAfterMs?: number,
  ) {
    super(`no model endpoint allowed by residency policy "${policy}" is available: ${detail}`);
  }
}

export class ResidencyIncidentError extends NonRetryableError {
  override readonly name = 'ResidencyIncidentError';
}

const ZONE_ALIASES: Record<string, DataZone> = { eu: 'europe', us: 'americas', apac: 'asia-pacific' };

export function parseResidency(text: string): ResidencyPolicy {
  const [mode, value] = text.split(':');
  if (mode === 'global' && !value) return { mode: 'global' };
  if (mode === 'single-region' && value && value in REGIONS) return { mode: 'single-region', region: value };
  if (mode === 'data-zone' && value) {
    const zone = (ZONE_ALIASES[value] ?? value) as DataZone;
    if (['americas', 'europe', 'asia-pacific', 'usgov'].includes(zone)) return { mode: 'data-zone', zone };
  }
  if (mode === 'sovereign' && value === 'usgov') return { mode: 'sovereign', zone: 'usgov' };
  throw new Error(
    `residency policy "${text}" is not one of single-region:<region>, data-zone:<americas|europe|asia-pacific|usgov>, global`,
  );
}

/** Whether a region may serve a call under the policy. `global` still never crosses into a sovereign cloud. */
export function regionAllowed(policy: ResidencyPolicy, region: string): boolean {
  const zone = REGIONS[region]?.zone;
  if (!zone) return false;
  switch (policy.mode) {
    case 'single-region':
      return region === policy.region;
    case 'data-zone':
    case 'sovereign':
      return zone === policy.zone;
    case 'global':
      return zone !== 'usgov';
  }
}

/** Filter first, never widen. */
export function allowedEndpoints(endpoints: ModelEndpoint[], policy: ResidencyPolicy): ModelEndpoint[] {
  return endpoints.filter((e) => regionAllowed(policy, e.region));
}
