/** Windows time-zone ids (what Azure's WEBSITE_TIME_ZONE docs use) → IANA names for the common zones. */
const WINDOWS_TO_IANA: Record<string, string> = {
  UTC: 'UTC',
  'GMT Standard Time': 'Europe/London',
  'Greenwich Standard Time': 'Atlantic/Reykjavik',
  'W. Europe Standard Time': 'Europe/Berlin',
  'Romance Standard Time': 'Europe/Paris',
  'Central Europe Standard Time': 'Europe/Budapest',
  'E. Europe Standard Time': 'Europe/Chisinau',
  'FLE Standard Time': 'Europe/Kiev',
  'Eastern Standard Time': 'America/New_York',
  'Central Standard Time': 'America/Chicago',
  'Mountain Standard Time': 'America/Denver',
  'US Mountain Standard Time': 'America/Phoenix',
  'Pacific Standard Time': 'America/Los_Angeles',
  'Alaskan Standard Time': 'America/Anchorage',
  'Hawaiian Standard Time': 'Pacific/Honolulu',
  'Tokyo Standard Time': 'Asia/Tokyo',
  'China Standard Time': 'Asia/Shanghai',
  'Singapore Standard Time': 'Asia/Singapore',
  'India Standard Time': 'Asia/Kolkata',
  'AUS Eastern Standard Time': 'Australia/Sydney',
  'New Zealand Standard Time': 'Pacific/Auckland',
};

/** Resolves a time-zone setting (IANA or Windows id) to an IANA zone; UTC when unset. Errors name the setting. */
export function resolveTimeZone(value: string | undefined, setting = 'WEBSITE_TIME_ZONE'): string {
  if (!value) return 'UTC';
  const zone = WINDOWS_TO_IANA[value] ?? value;
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
