import { getHolidays } from 'nyse-holidays';

/** Business days: Monday–Friday except configured holidays (YYYY-MM-DD). */
export function isBusinessDay(date: string, holidays: string[] = []): boolean {
  const day = new Date(`${date}T12:00:00Z`).getUTCDay();
  return day !== 0 && day !== 6 && !holidays.includes(date);
}

export function previousBusinessDay(date: string, holidays: string[] = []): string {
  let t = Date.parse(`${date}T12:00:00Z`) - 86_400_000;
  while (!isBusinessDay(new Date(t).toISOString().slice(0, 10), holidays)) t -= 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** The calendar date of an instant in a time zone (the desk's "today"). */
export function localDate(instantMs: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(instantMs),
  );
}

/**
 * The desk's closed days around a date: the exchange calendar's holidays (NYSE: rule-based from `nyse-holidays`,
 * incl. Good Friday, Juneteenth and Rule 7.2's observed days) for that year and the one before, plus the desk's own
 * `VAR_HOLIDAYS` (ad-hoc closures such as a national day of mourning, which no rule knows).
 */
export function deskHolidays(desk: { exchangeCalendar: 'nyse' | 'none'; holidays: string[] }, date: string): string[] {
  const year = Number(date.slice(0, 4));
  const exchange =
    desk.exchangeCalendar === 'nyse' ? [...getHolidays(year - 1), ...getHolidays(year)].map((h) => h.dateString) : [];
  return [...new Set([...exchange, ...desk.holidays])].sort();
}
