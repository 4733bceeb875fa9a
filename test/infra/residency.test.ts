import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { appSettingsOf } from '../../infra/check/app-settings';
import { type DeploymentContext, evaluateTemplate } from '../../infra/check/evaluate';
import { checkScenario } from '../../infra/check/run';
import { infraDir, mutated, removeCopies, templatesOf } from './mutate';

after(removeCopies);

const settings = (params: Record<string, unknown>, context: DeploymentContext = {}) =>
  appSettingsOf(evaluateTemplate(templatesOf(infraDir)[0]!.declarations, infraDir, params, context))!;
const findings = (params: Record<string, unknown>, dir = infraDir) =>
  checkScenario(templatesOf(dir), dir, { name: 'test', params }).map((f) => `${f.rule}: ${f.message}`);
const regions = (...names: string[]) => names.map((region, i) => ({ region, weight: 50, priority: i + 1 }));

test('FOIA runs under data-zone:usgov in Azure Government and data-zone:americas in the commercial cloud', () => {
  const government = settings({}, { cloud: 'AzureUSGovernment' });
  assert.equal(government.FOIA_RESIDENCY, 'data-zone:usgov');
  assert.deepEqual(
    (JSON.parse(government.MODEL_ENDPOINTS!) as { region: string }[]).map((e) => e.region),
    ['usgovvirginia', 'usgovarizona'],
  );
  assert.equal(settings({}).FOIA_RESIDENCY, 'data-zone:americas');
});

test('a pipeline policy the app does not accept, or no deployed region satisfies, is reported', () => {
  assert.ok(
    findings({ pipelineResidency: { foia: 'data-zone:mars' } }).some((m) =>
      m.startsWith('residency: FOIA_RESIDENCY=data-zone:mars is not a policy the app accepts'),
    ),
  );
  assert.ok(
    findings({ pipelineResidency: { foia: 'data-zone:usgov' } }).includes(
      'residency: FOIA_RESIDENCY=data-zone:usgov matches none of the deployed regions (eastus/americas, westeurope/europe)',
    ),
  );
  assert.deepEqual(findings({ pipelineResidency: { var: 'data-zone:us' } }), [], 'the app accepts the us alias');
});

test('data-zone mode refuses a region that lies in no Azure data zone', () => {
  assert.deepEqual(findings({ residencyMode: 'data-zone', openAiRegions: regions('eastus', 'canadaeast') }), [
    'template: the deployment is refused: residencyMode data-zone: canadaeast lies in no Azure data zone; list only US or EU data-zone regions in openAiRegions, or use single-region.',
  ]);
});

test('data-zone and global modes refuse pipeline policies narrower than what their SKUs process', () => {
  assert.deepEqual(
    findings({ residencyMode: 'data-zone', pipelineResidency: { radiology: 'single-region:westeurope' } }),
    [
      'template: the deployment is refused: residencyMode data-zone cannot hold radiology=single-region:westeurope; set pipelineResidency to policies as wide as the mode, or use single-region.',
    ],
  );
  assert.ok(
    findings({ residencyMode: 'global', pipelineResidency: { var: 'data-zone:americas' } })[0]?.includes(
      'residencyMode global cannot hold var=data-zone:americas',
    ),
  );
});

test('without the template guard the checker still reports SKUs that may process outside a policy', () => {
  const dir = mutated('main.bicep', (t) =>
    t.replace(/^var openAiDeployRegions = .*$/m, 'var openAiDeployRegions = openAiRegions'),
  );
  const messages = findings(
    {
      residencyMode: 'data-zone',
      openAiRegions: regions('westeurope', 'uksouth'),
      pipelineResidency: { radiology: 'single-region:westeurope' },
    },
    dir,
  );
  assert.ok(messages.includes('residency-mode: DataZoneStandard in uksouth: the region lies in no Azure data zone'));
  assert.ok(
    messages.includes(
      'residency-mode: RADIOLOGY_RESIDENCY=single-region:westeurope can route to DataZoneStandard in westeurope, which may process outside the policy',
    ),
  );
});
