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
