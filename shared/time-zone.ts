import { findIana } from 'windows-iana';

/** Windows time-zone ids (what Azure's WEBSITE_TIME_ZONE docs use) → IANA, from CLDR's windowsZones via `windows-iana`. */
function windowsToIana(value: string): string | undefined {
  if (value === 'UTC') return 'UTC';
  return findIana(value)[0];
}

/** Resolves a time-zone setting (IANA or Windows id) to an IANA zone; UTC when unset. Errors name the setting. */
export function resolveTimeZone(value: string | undefined, setting = 'WEBSITE_TIME_ZONE'): string {
  if (!value) return 'UTC';
  const zone = windowsToIana(value) ?? value;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
  } catch {
    throw new Error(
      `${setting} "${value}" is not a known IANA or Windows time zone (e.g. America/New_York, Eastern Standard Time)`,
    );
  }
  return zone;
}

/** The VaR desk's zone: VAR_TIME_ZONE (what infra sets, since Flex ignores WEBSITE_TIME_ZONE), else WEBSITE_TIME_ZONE. */
export function deskTimeZone(env: Record<string, string | undefined>): string {
  return env.VAR_TIME_ZONE
    ? resolveTimeZone(env.VAR_TIME_ZONE, 'VAR_TIME_ZONE')
    : resolveTimeZone(env.WEBSITE_TIME_ZONE);
}
