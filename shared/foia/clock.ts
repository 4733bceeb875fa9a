import { isBusinessDay } from '../var/calendar';

/** US federal holidays observed in 2026–2027 (the statutory clock skips them). */
export const FEDERAL_HOLIDAYS = [
  '2026-01-01',
  '2026-01-19',
  '2026-02-16',
  '2026-05-25',
  '2026-06-19',
  '2026-07-03',
  '2026-09-07',
  '2026-10-12',
  '2026-11-11',
  '2026-11-26',
  '2026-12-25',
  '2027-01-01',
  '2027-01-18',
  '2027-02-15',
  '2027-05-31',
  '2027-06-18',
  '2027-07-05',
  '2027-09-06',
  '2027-10-11',
  '2027-11-11',
  '2027-11-25',
  '2027-12-24',
];

/** The FOIA response deadline: 20 business days after receipt (5 U.S.C. § 552(a)(6)(A)(i)). */
export function statutoryDeadline(received: string, days = 20, holidays = FEDERAL_HOLIDAYS): string {
  let t = Date.parse(`${received}T12:00:00Z`);
  let counted = 0;
  while (counted < days) {
    t += 86_400_000;
    if (isBusinessDay(new Date(t).toISOString().slice(0, 10), holidays)) counted++;
  }
  return new Date(t).toISOString().slice(0, 10);
}
