import assert from 'node:assert/strict';
import { test } from 'node:test';
import { deskTimeZone } from '../../shared/time-zone';
import { localDate } from '../../shared/var/calendar';
import { dueOccurrence, firedOccurrence, VAR_SCHEDULE } from '../../shared/var/schedule';

const NY = 'America/New_York';
const occurrence = (nowIso: string, isPastDue = false) =>
  new Date(firedOccurrence(VAR_SCHEDULE, NY, Date.parse(nowIso), isPastDue)).toISOString();

test("Monday's 5 AM run stands for Monday, whatever the status says about Friday's run", () => {
  // On Azure this invocation's scheduleStatus.last is Friday 2026-03-06 05:00 (the previous run).
  assert.equal(occurrence('2026-03-09T09:00:00.180Z'), '2026-03-09T09:00:00.000Z');
  assert.equal(localDate(Date.parse(occurrence('2026-03-09T09:00:00.180Z')), NY), '2026-03-09');
  assert.equal(occurrence('2026-03-09T08:59:59.400Z'), '2026-03-09T09:00:00.000Z', 'fired a little early');
});

test('a past-due run stands for the latest occurrence missed; a weekend restart for Friday', () => {
  assert.equal(occurrence('2026-03-10T11:30:00Z', true), '2026-03-10T09:00:00.000Z', 'host back at 7:30 on Tuesday');
  assert.equal(occurrence('2026-03-07T15:00:00Z', true), '2026-03-06T10:00:00.000Z', 'Saturday: Friday 5 AM EST');
  assert.equal(
    occurrence('2026-03-10T08:59:30Z', true),
    '2026-03-09T09:00:00.000Z',
    'past due just before the next occurrence: still the missed one',
  );
  assert.equal(occurrence('2026-11-02T10:00:02Z'), '2026-11-02T10:00:00.000Z', 'after the November change');
});

const due = (nowIso: string, lastIso: string | undefined, isPastDue = false) => {
  const at = dueOccurrence(NY, Date.parse(nowIso), lastIso, isPastDue);
  return at === undefined ? undefined : new Date(at).toISOString();
};

test('the half-hourly tick starts the desk 5 AM once, whatever zone the host fires in', () => {
  // A Flex host fires in UTC: 09:00 UTC is 5 AM in New York after the March change, 04:00 before it.
  assert.equal(due('2026-03-09T09:00:00.100Z', '2026-03-09T08:30:00Z'), '2026-03-09T09:00:00.000Z');
  assert.equal(due('2026-03-09T09:30:00Z', '2026-03-09T09:00:00Z'), undefined, 'the next tick does not repeat it');
  assert.equal(due('2026-03-06T09:00:00Z', '2026-03-06T08:30:00Z'), undefined, '4 AM EST is not yet 5 AM');
  assert.equal(due('2026-03-06T10:00:00Z', '2026-03-06T09:30:00Z'), '2026-03-06T10:00:00.000Z');
  assert.equal(due('2026-03-07T10:00:00Z', '2026-03-07T09:30:00Z'), undefined, 'Saturday has no occurrence');
});

test('after an outage the missed 5 AM runs once, up to a day back; a first deployment does not catch up', () => {
  assert.equal(due('2026-03-10T12:00:00Z', '2026-03-10T08:30:00Z', true), '2026-03-10T09:00:00.000Z');
  assert.equal(due('2026-03-12T12:00:00Z', '2026-03-10T08:30:00Z', true), '2026-03-12T09:00:00.000Z');
  assert.equal(due('2026-03-10T20:00:00Z', '0001-01-01T00:00:00Z'), undefined, 'deployed at 3 PM: no morning run');
  assert.equal(due('2026-03-10T09:00:00Z', undefined), '2026-03-10T09:00:00.000Z', 'deployed just before 5 AM');
});

test('the desk zone comes from VAR_TIME_ZONE, else WEBSITE_TIME_ZONE; a bad value names its setting', () => {
  assert.equal(deskTimeZone({ VAR_TIME_ZONE: 'Europe/London', WEBSITE_TIME_ZONE: 'Asia/Tokyo' }), 'Europe/London');
  assert.equal(deskTimeZone({ WEBSITE_TIME_ZONE: 'Eastern Standard Time' }), 'America/New_York');
  assert.throws(() => deskTimeZone({ VAR_TIME_ZONE: 'Mars/Olympus' }), /^Error: VAR_TIME_ZONE "Mars\/Olympus"/);
});
