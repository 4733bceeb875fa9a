import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadConfig } from '../../shared/config';
import { ConfigError, isRetryable, RetryableError, UserError } from '../../shared/errors';

test('a user error names where the input is wrong and is not retryable', () => {
  const error = new UserError('must be a date (YYYY-MM-DD)', 'body.date');
  assert.equal(error.message, 'body.date: must be a date (YYYY-MM-DD)');
  assert.equal(isRetryable(error), false);
  assert.equal(isRetryable(new RetryableError('throttled', 500)), true);
});

test('config defaults to Azurite locally and names the setting when storage is missing', () => {
  assert.equal(loadConfig({}).storage.connectionString, 'UseDevelopmentStorage=true');
  assert.equal(loadConfig({ AzureWebJobsStorage__accountName: 'stenclave' }).storage.accountName, 'stenclave');
  assert.throws(
    () => loadConfig({ AzureWebJobsStorage: '', AzureWebJobsStorage__accountName: 'x' }),
    (e: unknown) => e instanceof ConfigError && e.setting === 'AzureWebJobsStorage__accountName',
  );
  assert.throws(
    () => loadConfig({ ENCLAVE_ENV: 'azure' }),
    (e: unknown) => e instanceof ConfigError && e.setting === 'AzureWebJobsStorage__accountName',
  );
});

test('the VaR desk settings are one config section; a bad value names its setting', () => {
  const desk = loadConfig({ VAR_HOLIDAYS: '2026-12-25, 2027-01-01', VAR_TIME_ZONE: 'Europe/London' }).var;
  assert.deepEqual(
    [desk.holidays, desk.timeZone, desk.pollMinutes, desk.cutoffHours, desk.executives.length],
    [['2026-12-25', '2027-01-01'], 'Europe/London', 15, 3, 2],
  );
  for (const [setting, value] of [
    ['VAR_HOLIDAYS', '25/12/2026'],
    ['VAR_REVIEWER', 'risk manager'],
    ['VAR_POLL_MINUTES', '0'],
    ['VAR_TIME_ZONE', 'Mars/Olympus'],
  ] as const)
    assert.throws(
      () => loadConfig({ [setting]: value }),
      (e: unknown) => e instanceof ConfigError && e.setting === setting,
      setting,
    );
});
