import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LOCAL_ENDPOINT_NAMES, localEndpoints } from '../../local/model/endpoints';
import { createAuditSink } from '../../shared/audit/index';
import { loadConfig } from '../../shared/config';
import { createGateway } from '../../shared/model/factory';

const configFor = (port: number, extra: Record<string, string> = {}) =>
  loadConfig({
    ENCLAVE_ENV: 'local',
    MODEL_ENDPOINTS: JSON.stringify(
      localEndpoints(Object.fromEntries(LOCAL_ENDPOINT_NAMES.map((n) => [n, `http://127.0.0.1:${port}/${n}`]))),
    ),
    ...extra,
  });

test('the process builds its gateway and audit sink once per configuration, not once for the first one it saw', async () => {
  const first = configFor(7001);
  const again = configFor(7001);
  const other = configFor(7002);
  const audit = await createAuditSink(first);
  assert.equal(await createAuditSink(again), audit, 'the same settings share one audit sink');
  assert.notEqual(await createAuditSink(configFor(7001, { AUDIT_CONTAINER: 'audit-other' })), audit);
  const gateway = createGateway(first, audit);
  assert.equal(createGateway(again, audit), gateway, 'the same settings share one gateway (and its breakers)');
  assert.notEqual(createGateway(other, audit), gateway, 'other endpoints get their own gateway');
});
