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

/** Resolves WEBSITE_TIME_ZONE (IANA or Windows id) to an IANA zone; UTC when unset. */
export function resolveTimeZone(setting: string | undefined): string {
  if (!setting) return 'UTC';
  const zone = WINDOWS_TO_IANA[setting] ?? setting;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
  } catch {
    throw new Error(
      `WEBSITE_TIME_ZONE "${setting}" is not a known IANA or Windows time zone (e.g. America/New_York, Eastern Standard Time)`,
    );
  }
  return zone;
}
