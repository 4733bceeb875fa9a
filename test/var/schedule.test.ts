import assert from 'node:assert/strict';
import { test } from 'node:test';
import { localDate } from '../../shared/var/calendar';
import { firedOccurrence, VAR_SCHEDULE } from '../../shared/var/schedule';

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
