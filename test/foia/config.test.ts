import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readFoiaConfig } from '../../shared/config/foia';
import { ConfigError } from '../../shared/errors';

test('FOIA settings: officials are kept by default; FOIA_REDACT_OFFICIALS=true redacts them', () => {
  assert.deepEqual(readFoiaConfig({}), {
    redactOfficials: false,
    reviewer: 'foia.counsel@agency.example',
    backupReviewer: 'chief.counsel@agency.example',
  });
  assert.equal(readFoiaConfig({ FOIA_REDACT_OFFICIALS: 'true' }).redactOfficials, true);
  assert.equal(readFoiaConfig({ FOIA_REDACT_OFFICIALS: ' FALSE ' }).redactOfficials, false);
});

test('a bad FOIA setting is a ConfigError naming the variable', () => {
  assert.throws(
    () => readFoiaConfig({ FOIA_REDACT_OFFICIALS: 'yes' }),
    (error: unknown) =>
      error instanceof ConfigError &&
      error.setting === 'FOIA_REDACT_OFFICIALS' &&
      /setting FOIA_REDACT_OFFICIALS: must be true or false/.test(error.message),
  );
  assert.throws(() => readFoiaConfig({ FOIA_REVIEWER: 'counsel' }), /setting FOIA_REVIEWER: an e-mail address/);
});
