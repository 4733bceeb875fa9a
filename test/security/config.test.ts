import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { freePort } from '../../local/azurite/ports';
import type { RunningHost } from '../../local/host/index';
import { loadConfig } from '../../shared/config';
import { ConfigError } from '../../shared/errors';
import { startAppHost } from '../support/app-host';
import { enclave } from '../support/cli';

const KV = '@Microsoft.KeyVault(SecretUri=https://kv-enclave.vault.azure.net/secrets/review-link-secret/)';
let host: RunningHost | undefined;
after(async () => host?.stop());

const refused = (env: Record<string, string>) => {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  return undefined;
};

test('an unresolved Key Vault reference is never used as a secret: refused, naming the setting', () => {
  const error = refused({ ENCLAVE_ENV: 'azure', AzureWebJobsStorage__accountName: 'st', REVIEW_LINK_SECRET: KV });
  assert.equal(error?.setting, 'REVIEW_LINK_SECRET');
  assert.match(error!.message, /unresolved Key Vault reference/);
  assert.doesNotMatch(error!.message, /kv-enclave/, 'the vault name (the public host name) is not echoed');
  assert.equal(refused({ RADIOLOGY_REVIEWER: KV })?.setting, 'RADIOLOGY_REVIEWER', 'any setting, also locally');
});

test('an unknown ENCLAVE_ENV is refused instead of meaning local mode', () => {
  for (const value of ['Azure', 'prod', 'azure '])
    assert.equal(refused({ ENCLAVE_ENV: value })?.setting, 'ENCLAVE_ENV');
  assert.equal(refused({ WEBSITE_SITE_NAME: 'func-enclave' })?.setting, 'ENCLAVE_ENV', 'unset on App Service');
  assert.equal(loadConfig({}).environment, 'local');
  assert.equal(
    refused({ ENCLAVE_EASY_AUTH: 'true' })?.setting,
    'ENCLAVE_EASY_AUTH',
    'nothing sets the principal locally',
  );
});

test('`enclave start` with a Key Vault literal stops before starting anything', () => {
  return (async () => {
    const ports = [await freePort(), await freePort(), await freePort(), await freePort()];
    const result = enclave(
      [
        'start',
        '--port',
        String(ports[0]),
        '--azurite-ports',
        ports.slice(1).join(','),
        '--data',
        mkdtempSync(path.join(tmpdir(), 'enclave-kv-')),
      ],
      { REVIEW_LINK_SECRET: KV },
    );
    assert.equal(result.code, 1, result.stdout + result.stderr);
    assert.match(result.stderr, /^enclave: setting REVIEW_LINK_SECRET: is still an unresolved Key Vault reference/m);
    assert.equal(result.stdout, '');
  })();
});

test('/api/health answers 503 misconfigured for a Key Vault literal and for an unknown ENCLAVE_ENV', async () => {
  host = await startAppHost(`SecConfig${Date.now().toString(36)}`, { REVIEW_LINK_SECRET: KV });
  const kv = await fetch(`${host.url}/api/health`);
  const body = (await kv.json()) as { status: string; setting: string };
  assert.deepEqual([kv.status, body.status, body.setting], [503, 'misconfigured', 'REVIEW_LINK_SECRET']);
  process.env.REVIEW_LINK_SECRET = 'a-resolved-review-link-secret-of-enough-length';
  process.env.ENCLAVE_ENV = 'production';
  const env = await fetch(`${host.url}/api/health`);
  const envBody = (await env.json()) as { status: string; setting: string };
  assert.deepEqual([env.status, envBody.status, envBody.setting], [503, 'misconfigured', 'ENCLAVE_ENV']);
  const submit = await fetch(`${host.url}/api/foia/requests`, {
    method: 'POST',
    headers: { 'x-functions-key': host.keys.function },
    body: '{}',
  });
  assert.equal(submit.status, 500, 'nothing runs on a misconfigured app');
});
