import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { mutated, removeCopies, rulesOf } from './mutate';

after(removeCopies);

const withoutSetting = (key: string) =>
  mutated('main.bicep', (t) => t.replace(new RegExp(`^  ${key}: .*\\n`, 'm'), ''));

test('removing a setting the config schema requires on Azure fails the check, naming the setting', () => {
  for (const key of [
    'MODEL_ENDPOINTS',
    'CONTENT_SAFETY_ENDPOINT',
    'REVIEW_LINK_SECRET',
    'AzureWebJobsStorage__accountName',
  ]) {
    const messages = rulesOf(withoutSetting(key));
    assert.ok(
      messages.some((m) =>
        m.startsWith('config: the app settings infra produces fail the config schema: setting ' + key),
      ),
      `${key}: ${messages.join('\n')}`,
    );
  }
});

test('settings that would run the app in local mode fail the check', () => {
  assert.ok(
    rulesOf(withoutSetting('ENCLAVE_ENV')).includes(
      "config: ENCLAVE_ENV is not 'azure': the app would start in local mode",
    ),
  );
});
