import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { RunningHost } from '../../local/host/index';
import { callerOf, ipAddressOf } from '../../shared/identity/caller';
import { callApp, repoRoot, startAppHost } from '../support/app-host';
import { durableApi } from '../support/durable';
import { EASY_AUTH_FOR_TESTS, principalHeader } from '../support/identity';

const fixture = JSON.parse(readFileSync(path.join(repoRoot, 'test/fixtures/radiology/chest-ct-critical.json'), 'utf8'));
const tag = Date.now().toString(36).toUpperCase();
let host: RunningHost;

// App Service Authentication, as the local host stands it in for tests: x-ms-client-principal names the caller.
before(async () => {
  host = await startAppHost(`SecCallers${tag}`, EASY_AUTH_FOR_TESTS);
});
after(async () => host.stop());

const post = (route: string, body: unknown, headers: Record<string, string> = {}) =>
  callApp(host, route, { method: 'POST', headers, body: JSON.stringify(body) });

test('with App Service Authentication a key alone is not enough: no principal 401, a principal without the role 403', async () => {
  const study = { ...fixture, accessionNumber: `ACC-SEC-ROLE-${tag}` };
  const none = await post('radiology/studies', study);
  assert.equal(none.status, 401);
  assert.equal(((await none.json()) as { where: string }).where, 'x-ms-client-principal');
  const nameOnly = await post('radiology/studies', study, { 'x-ms-client-principal-name': 'pacs@hospital.example' });
  assert.equal(nameOnly.status, 401, 'the name header alone is not a principal');
  const wrongRole = await post(
    'radiology/studies',
    study,
    principalHeader('foia-clerk@agency.example', ['Foia.Submit']),
  );
  assert.equal(wrongRole.status, 403);
  assert.match(((await wrongRole.json()) as { error: string }).error, /lacks the app role Radiology\.Submit/);
  const pacs = principalHeader('pacs@hospital.example', ['Radiology.Submit']);
  const accepted = await post('radiology/studies', study, { ...pacs, 'x-forwarded-for': '203.0.113.9' });
  assert.equal(accepted.status, 202);
  const { instanceId } = (await accepted.json()) as { instanceId: string };
  const run = (await durableApi(host).status(instanceId, '&showInput=true')).input as Record<string, string>;
  assert.equal(run.requestedBy, 'pacs@hospital.example', 'the submitter is the principal');
  assert.equal(run.ipAddress, '127.0.0.1', 'locally no x-forwarded-for is trusted');
  await durableApi(host).post(`instances/${instanceId}/terminate?reason=test`);
});

test('a forged reviewer, backup reviewer or submitter in the body is refused, naming the field', async () => {
  const pacs = principalHeader('pacs@hospital.example', ['Radiology.Submit']);
  for (const [field, value] of [
    ['reviewer', 'mallory@evil.example'],
    ['backupReviewer', 'mallory@evil.example'],
    ['requestedBy', 'radiologist'],
  ]) {
    const study = { ...fixture, accessionNumber: `ACC-SEC-FORGE-${tag}`, [field!]: value };
    const response = await post('radiology/studies', study, pacs);
    assert.equal(response.status, 400, field);
    const body = (await response.json()) as { error: string; where: string };
    assert.equal(body.where, field);
    assert.match(body.error, /never from the request|never a field/);
  }
  assert.equal((await durableApi(host).status(`radiology-ACC-SEC-FORGE-${tag}`)).runtimeStatus, 'NotFound');
});

test('identity headers count only when the platform set them', () => {
  const headers = (h: Record<string, string>) => new Headers(h);
  const off = { easyAuth: false, reviewerGroups: {} };
  const forged = headers({
    'x-ms-client-principal-name': 'cfo@bank.example',
    ...principalHeader('cfo@bank.example', ['Operator']),
  });
  const caller = callerOf(forged, off, 'azure');
  assert.ok(caller.ok);
  assert.deepEqual(
    [caller.caller.via, caller.caller.name, caller.caller.roles.includes('Operator')],
    ['function-key', 'function-key', false],
  );
  assert.equal(ipAddressOf(headers({ 'x-forwarded-for': '10.0.0.1' }), 'local'), '127.0.0.1');
  // On Azure the front end appends the real client address; what the client sent comes first.
  assert.equal(ipAddressOf(headers({ 'x-forwarded-for': '10.0.0.1, 198.51.100.7:50432' }), 'azure'), '198.51.100.7');
});
