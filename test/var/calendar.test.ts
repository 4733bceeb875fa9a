import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Cron } from 'croner';
import { resolveTimeZone } from '../../shared/time-zone';
import { deskHolidays, isBusinessDay, localDate, previousBusinessDay } from '../../shared/var/calendar';

test('5 AM desk time follows daylight saving: 10:00 UTC in winter, 09:00 UTC after the March change', () => {
  const zone = resolveTimeZone('Eastern Standard Time');
  assert.equal(zone, 'America/New_York');
  const schedule = new Cron('0 0 5 * * 1-5', { timezone: zone, paused: true });
  assert.equal(
    schedule.nextRun(new Date('2026-03-06T12:00:00Z'))!.toISOString(),
    '2026-03-09T09:00:00.000Z',
    'Monday after the spring change (EDT)',
  );
  assert.equal(
    schedule.nextRun(new Date('2026-03-05T12:00:00Z'))!.toISOString(),
    '2026-03-06T10:00:00.000Z',
    'the Friday before it (EST)',
  );
  assert.equal(
    schedule.nextRun(new Date('2026-10-30T12:00:00Z'))!.toISOString(),
    '2026-11-02T10:00:00.000Z',
    'Monday after the autumn change (EST)',
  );
  assert.equal(localDate(Date.parse('2026-03-09T09:00:00Z'), zone), '2026-03-09');
});

test('business days skip weekends and configured holidays', () => {
  assert.equal(isBusinessDay('2026-11-28'), false);
  assert.equal(isBusinessDay('2026-11-26', ['2026-11-26']), false);
  assert.equal(previousBusinessDay('2026-11-30'), '2026-11-27');
  assert.equal(previousBusinessDay('2026-11-27', ['2026-11-26']), '2026-11-25');
});

test('Windows time-zone ids beyond the old hand-written 22 resolve through CLDR (windows-iana)', () => {
  assert.equal(resolveTimeZone('Arabian Standard Time'), 'Asia/Dubai');
  assert.equal(resolveTimeZone('E. South America Standard Time'), 'America/Sao_Paulo');
  assert.equal(resolveTimeZone('South Africa Standard Time'), 'Africa/Johannesburg');
  assert.equal(resolveTimeZone('Korea Standard Time'), 'Asia/Seoul');
  assert.equal(resolveTimeZone('Atlantic Standard Time'), 'America/Halifax');
  assert.equal(resolveTimeZone('W. Europe Standard Time'), 'Europe/Berlin');
  assert.equal(resolveTimeZone('UTC'), 'UTC');
  assert.equal(resolveTimeZone('Europe/Paris'), 'Europe/Paris');
  assert.throws(() => resolveTimeZone('Mars Standard Time', 'VAR_TIME_ZONE'), /VAR_TIME_ZONE "Mars Standard Time"/);
});

test('the desk calendar skips NYSE holidays of any year (Good Friday, observed days) plus VAR_HOLIDAYS', () => {
  const desk = { exchangeCalendar: 'nyse' as const, holidays: ['2029-01-09'] };
  assert.equal(isBusinessDay('2028-04-14', deskHolidays(desk, '2028-04-14')), false, 'Good Friday 2028');
  assert.equal(isBusinessDay('2027-06-18', deskHolidays(desk, '2027-06-18')), false, 'Juneteenth 2027 observed Friday');
  // NYSE does not close on Friday 2027-12-31 for a Saturday New Year's Day (Rule 7.2), unlike the federal calendar.
  assert.equal(isBusinessDay('2027-12-31', deskHolidays(desk, '2027-12-31')), true);
  assert.equal(isBusinessDay('2029-01-09', deskHolidays(desk, '2029-01-09')), false, 'an ad-hoc closure');
  assert.equal(previousBusinessDay('2030-11-29', deskHolidays(desk, '2030-11-29')), '2030-11-27', 'after Thanksgiving');
  assert.equal(isBusinessDay('2028-04-14', deskHolidays({ ...desk, exchangeCalendar: 'none' }, '2028-04-14')), true);
});
