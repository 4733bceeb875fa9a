import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import { appSettingsOf } from '../../infra/check/app-settings';
import { evaluateTemplate } from '../../infra/check/evaluate';
import type { RunningModelServer } from '../../local/model/server';
import type { ModelCallRecord } from '../../shared/audit/records';
import { ResidencyIncidentError } from '../../shared/model/residency';
import { infraDir, templatesOf } from '../infra/mutate';
import { chat, endpointsOf, gatewayFor, localModelServer } from '../support/model';

let server: RunningModelServer;
before(async () => {
  server = await localModelServer();
});
after(async () => server.stop());
beforeEach(() => server.clearFaults());

/** westeurope alone, deployed as the given Azure deployment type. */
const westeurope = (deploymentType: 'regional' | 'data-zone' | 'global') =>
  endpointsOf(server)
    .filter((e) => e.name === 'westeurope')
    .map((e) => ({ ...e, deploymentType }));

for (const deploymentType of ['data-zone', 'global'] as const) {
  test(`a ${deploymentType} deployment answering without x-ms-region is a residency incident: withheld and audited`, async () => {
    const { gateway, audit } = gatewayFor(server, { endpoints: westeurope(deploymentType) });
    server.setFault('westeurope', { omitRegionHeader: true });
    await assert.rejects(
      gateway.call(
        chat('Findings: no acute abnormality.', {
          pipeline: 'radiology',
          dataClassification: 'phi',
          residency: undefined,
        }),
      ),
      (e: Error) =>
        e instanceof ResidencyIncidentError &&
        e.message.includes(`(a ${deploymentType} deployment) answered without x-ms-region`) &&
        !e.message.includes('no acute abnormality'),
    );
    const record = audit.records.at(-1) as ModelCallRecord;
    assert.deepEqual(
      [record.outcome, record.region, record.endpoint],
      ['residency-incident', 'unreported', 'westeurope'],
    );
    assert.equal(record.completionSha256, undefined, 'nothing of the withheld completion is kept');
    assert.ok(record.costUsd > 0, 'the withheld call was still billed');
  });
}

test('a regional deployment without x-ms-region served where it is deployed; with the header, the header decides', async () => {
  const { gateway } = gatewayFor(server, { endpoints: westeurope('regional') });
  server.setFault('westeurope', { omitRegionHeader: true });
  const r = await gateway.call(
    chat('Findings: normal.', { pipeline: 'radiology', dataClassification: 'phi', residency: undefined }),
  );
  assert.equal(r.region, 'westeurope');
  const zone = gatewayFor(server, {
    endpoints: westeurope('data-zone'),
    env: { RADIOLOGY_RESIDENCY: 'data-zone:europe' },
  });
  server.setFault('westeurope', { servedRegion: 'swedencentral' });
  const served = await zone.gateway.call(
    chat('Findings: normal.', { pipeline: 'radiology', dataClassification: 'phi', residency: undefined }),
  );
  assert.equal(served.region, 'swedencentral', 'a data-zone deployment may serve anywhere in its zone');
});

test('infra tells the gateway each endpoint’s deployment type, from the residency mode that chose the SKUs', () => {
  const types = (residencyMode: string) => {
    const settings = appSettingsOf(
      evaluateTemplate(templatesOf(infraDir)[0]!.declarations, infraDir, { residencyMode }, {}),
    )!;
    return [
      ...new Set((JSON.parse(settings.MODEL_ENDPOINTS!) as { deploymentType: string }[]).map((e) => e.deploymentType)),
    ];
  };
  assert.deepEqual(types('single-region'), ['regional']);
  assert.deepEqual(types('data-zone'), ['data-zone']);
  assert.deepEqual(types('global'), ['global']);
});
