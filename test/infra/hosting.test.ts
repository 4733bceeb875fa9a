import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { type HostingPlan, timeZoneSettings } from '../../infra/check/hosting';
import { mutated, removeCopies, rulesOf } from './mutate';

after(removeCopies);

const addSetting = (line: string) => (t: string) =>
  t.replace("  AUDIT_CONTAINER: 'audit'\n", `  AUDIT_CONTAINER: 'audit'\n  ${line}\n`);

test('WEBSITE_TIME_ZONE on Flex Consumption is reported, whatever the zone id', () => {
  const dir = mutated('main.bicep', addSetting("WEBSITE_TIME_ZONE: 'America/New_York'"));
  assert.ok(
    rulesOf(dir).includes(
      'time-zone: WEBSITE_TIME_ZONE is not supported on Linux FlexConsumption: timers fire in UTC; give the desk zone to the app as VAR_TIME_ZONE',
    ),
  );
});

test('on other Linux plans WEBSITE_TIME_ZONE must be an IANA id; Windows plans take Windows ids', () => {
  const plan = (tier: string, linux: boolean): HostingPlan => ({ file: 'f', tier, linux, siteProperties: [] });
  const windowsId = { WEBSITE_TIME_ZONE: 'Eastern Standard Time' };
  assert.deepEqual(
    timeZoneSettings(windowsId, plan('ElasticPremium', true), 'main.bicep').map((f) => f.message),
    [
      'WEBSITE_TIME_ZONE=Eastern Standard Time on a Linux plan must be an IANA id (e.g. America/New_York), not a Windows id',
    ],
  );
  assert.deepEqual(timeZoneSettings({ WEBSITE_TIME_ZONE: 'America/New_York' }, plan('ElasticPremium', true), 'm'), []);
  assert.deepEqual(timeZoneSettings(windowsId, plan('ElasticPremium', false), 'm'), []);
});

test('a desk time zone that is not an IANA id is reported', () => {
  const dir = mutated('main.bicep', (t) =>
    t.replace("param varTimeZone string = 'America/New_York'", "param varTimeZone string = 'Eastern Standard Time'"),
  );
  assert.ok(
    rulesOf(dir).includes(
      'time-zone: VAR_TIME_ZONE=Eastern Standard Time is not an IANA time zone (e.g. America/New_York)',
    ),
  );
});

test('app settings and site properties Flex Consumption does not accept are reported', () => {
  const setting = mutated('main.bicep', addSetting("FUNCTIONS_EXTENSION_VERSION: '~4'"));
  assert.ok(
    rulesOf(setting).includes('flex: app setting FUNCTIONS_EXTENSION_VERSION is deprecated on Flex Consumption'),
  );
  const property = mutated('modules/functionapp.bicep', (t) =>
    t.replace("minTlsVersion: '1.2'\n", "minTlsVersion: '1.2'\n      ftpsState: 'Disabled'\n"),
  );
  assert.ok(rulesOf(property).includes('flex: site property ftpsState is not accepted on Flex Consumption'));
});
