import { allForYear } from '@18f/us-federal-holidays';
import { isBusinessDay } from '../var/calendar';

/**
 * US federal holidays as observed (5 U.S.C. § 6103: Saturday → Friday, Sunday → Monday, Juneteenth from 2021),
 * computed for any year by 18F's maintained library. A year's list also carries the next year's New Year's Day
 * when it is observed on December 31 (2027-12-31 for 2028).
 */
export function federalHolidays(fromYear: number, toYear: number): string[] {
  const dates = new Set<string>();
  for (let year = fromYear; year <= toYear + 1; year++) {
    for (const holiday of allForYear(year)) {
      const observedYear = Number(holiday.dateString.slice(0, 4));
      if (observedYear >= fromYear && observedYear <= toYear) dates.add(holiday.dateString);
    }
  }
  return [...dates].sort();
}

/** The FOIA response deadline: 20 business days after receipt (5 U.S.C. § 552(a)(6)(A)(i)). */
export function statutoryDeadline(received: string, days = 20, holidays?: string[]): string {
  const year = Number(received.slice(0, 4));
  const skipped = holidays ?? federalHolidays(year, year + 1);
  let t = Date.parse(`${received}T12:00:00Z`);
  let counted = 0;
  while (counted < days) {
    t += 86_400_000;
    if (isBusinessDay(new Date(t).toISOString().slice(0, 10), skipped)) counted++;
  }
  return new Date(t).toISOString().slice(0, 10);
}
