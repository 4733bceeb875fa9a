import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import type { RunningModelServer } from '../../local/model/server';
import type { ModelCallRecord } from '../../shared/audit/records';
import { validateAuditRecord } from '../../shared/audit/schema';
import { loadConfig } from '../../shared/config';
import { ConfigError } from '../../shared/errors';
import { handleModelRequestMessage } from '../../shared/model/queue-requests';
import { ResidencyRequestError } from '../../shared/model/residency-binding';
import { chat, gatewayFor, localModelServer } from '../support/model';
import { blobService } from '../support/storage';

let server: RunningModelServer;
before(async () => {
  server = await localModelServer();
});
after(async () => server.stop());
beforeEach(() => {
  server.clearFaults();
  server.clearRequests();
});

/** A radiology request as an attacker would shape it: PHI, asking to be sent anywhere. */
const radiology = (overrides: Record<string, unknown> = {}) =>
  chat('Findings: 4 mm nodule in the right upper lobe.', {
    pipeline: 'radiology',
    dataClassification: 'phi',
    safetyContext: { clinical: true },
    ...overrides,
  });

const refusedNaming = (field: string) => (e: Error) =>
  e instanceof ResidencyRequestError && e.field === field && e.message.startsWith(`${field}: `);

describe("a request cannot widen its pipeline's residency (the policy comes from configuration)", () => {
  test('radiology PHI asking for global is refused naming the field, audited, and reaches no region', async () => {
    const { gateway, audit } = gatewayFor(server);
    await assert.rejects(gateway.call(radiology({ residency: 'global' })), (e: Error) => {
      assert.ok(refusedNaming('residency')(e), e.message);
      assert.match(e.message, /wider than "single-region:westeurope", the policy RADIOLOGY_RESIDENCY sets/);
      return true;
    });
    await assert.rejects(gateway.call(radiology({ residency: 'data-zone:europe' })), refusedNaming('residency'));
    await assert.rejects(
      gateway.call(radiology({ residency: `anywhere please, patient Jane Doe ${'x'.repeat(80)}` })),
      refusedNaming('residency'),
      'a request whose residency is free text is refused as such, and its text is not audited',
    );
    assert.equal(server.requests().length, 0);
    const records = audit.records as ModelCallRecord[];
    assert.deepEqual(
      records.map((r) => [r.outcome, r.residencyPolicy, r.pipeline]),
      [
        ['residency-refused', 'global', 'radiology'],
        ['residency-refused', 'data-zone:europe', 'radiology'],
        ['residency-refused', '(not a policy)', 'radiology'],
      ],
    );
    for (const r of records) assert.doesNotThrow(() => validateAuditRecord(r), 'the durable audit sink takes it');
  });

  test('no residency in the request means the configured one; a narrower one is honoured', async () => {
    const { gateway } = gatewayFor(server, { env: { RADIOLOGY_RESIDENCY: 'data-zone:europe' } });
    const configured = await gateway.call(radiology({ residency: undefined }));
    assert.ok(['westeurope', 'uksouth'].includes(configured.region), configured.region);
    const narrower = await gateway.call(radiology({ residency: 'single-region:uksouth' }));
    assert.equal(narrower.region, 'uksouth');
    await assert.rejects(gateway.call(radiology({ residency: 'data-zone:americas' })), refusedNaming('residency'));
    assert.ok(server.requests().every((r) => ['westeurope', 'uksouth'].includes(r.endpoint)));
  });

  test('declaring radiology data public does not lift the binding', async () => {
    const { gateway } = gatewayFor(server);
    await assert.rejects(
      gateway.call(radiology({ dataClassification: 'public', residency: 'global' })),
      refusedNaming('dataClassification'),
    );
    assert.equal(server.requests().length, 0);
  });

  test('PHI of a pipeline configuration does not know is refused; MODEL_PIPELINE_RESIDENCY binds it', async () => {
    const { gateway } = gatewayFor(server);
    const claims = chat('Claim 4411: MRI of the knee.', {
      pipeline: 'claims',
      dataClassification: 'phi',
      residency: 'global',
    });
    await assert.rejects(gateway.call(claims), refusedNaming('pipeline'));
    const bound = gatewayFor(server, {
      env: {
        MODEL_PIPELINE_RESIDENCY: JSON.stringify({
          claims: { dataClassification: 'phi', residency: 'data-zone:europe' },
        }),
      },
    }).gateway;
    await assert.rejects(bound.call(claims), /MODEL_PIPELINE_RESIDENCY\.claims/);
    const served = await bound.call({ ...claims, residency: undefined });
    assert.ok(['westeurope', 'uksouth'].includes(served.region), served.region);
    assert.throws(
      () => loadConfig({ MODEL_PIPELINE_RESIDENCY: '{"claims":{"dataClassification":"phi","residency":"mars"}}' }),
      (e: Error) => e instanceof ConfigError && /MODEL_PIPELINE_RESIDENCY/.test(e.message),
    );
  });

  test('a queued model-requests message asking for a wider policy is answered with the refusal, not sent', async () => {
    const { gateway } = gatewayFor(server);
    const replies = blobService().getContainerClient(`model-replies-res-${Date.now().toString(36)}`);
    await handleModelRequestMessage(
      JSON.stringify({ correlationId: 'widen-1', request: radiology({ residency: 'global' }) }),
      gateway,
      replies,
    );
    const reply = JSON.parse((await replies.getBlockBlobClient('widen-1.json').downloadToBuffer()).toString('utf8'));
    assert.deepEqual([reply.ok, reply.errorType], [false, 'ResidencyRequestError']);
    assert.match(reply.error, /^residency: "global" is wider than/);
    assert.equal(server.requests().length, 0);
  });
});
