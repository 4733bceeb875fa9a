import assert from 'node:assert/strict';
import { test } from 'node:test';
import { federalHolidays, statutoryDeadline } from '../../shared/foia/clock';

test('observed federal holidays for any year: Saturday → Friday, Sunday → Monday, Juneteenth', () => {
  const y2027 = federalHolidays(2027, 2027);
  assert.ok(y2027.includes('2027-12-24'), 'Christmas 2027 (Saturday) observed Friday');
  assert.ok(y2027.includes('2027-12-31'), "New Year's Day 2028 (Saturday) observed Friday 2027-12-31");
  assert.ok(federalHolidays(2032, 2032).includes('2032-06-18'), 'Juneteenth 2032 (Saturday) observed Friday');
  assert.ok(federalHolidays(2033, 2033).includes('2033-06-20'), 'Juneteenth 2033 (Sunday) observed Monday');
  assert.deepEqual(federalHolidays(2030, 2030), [
    '2030-01-01',
    '2030-01-21',
    '2030-02-18',
    '2030-05-27',
    '2030-06-19',
    '2030-07-04',
    '2030-09-02',
    '2030-10-14',
    '2030-11-11',
    '2030-11-28',
    '2030-12-25',
  ]);
});

test('20 business days after receipt, 2027–2030, across Thanksgiving, Christmas and New Year', () => {
  // The old hard-coded 2026–2027 list missed 2027-12-31 and knew nothing after 2027.
  assert.equal(statutoryDeadline('2027-12-10'), '2028-01-11');
  assert.equal(statutoryDeadline('2028-11-13'), '2028-12-12');
  assert.equal(statutoryDeadline('2029-12-14'), '2030-01-15');
  assert.equal(statutoryDeadline('2030-11-20'), '2030-12-19');
});
