import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Cron } from 'croner';
import { resolveTimeZone } from '../../shared/time-zone';
import { isBusinessDay, localDate, previousBusinessDay } from '../../shared/var/calendar';

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
