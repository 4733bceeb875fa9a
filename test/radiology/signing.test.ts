import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import type { KeyVaultKey } from '@azure/keyvault-keys';
import { signReport, verifySignedReport } from '../../shared/radiology/signing';
import { keyVaultTrustedKeys } from '../../shared/radiology/signing-key-vault';
import { localKeySigner, localTrustedKeys } from '../../shared/radiology/signing-local';
import { enclave } from '../support/cli';

const dir = () => mkdtempSync(path.join(tmpdir(), 'enclave-sign-'));
const report = {
  accession: 'ACC-SIGN-1',
  sections: { impression: '1. Right tension pneumothorax.' },
  signedBy: 'dr.byrne@hospital.example',
};

async function forgeries() {
  const trustedDir = dir();
  const trusted = localKeySigner(trustedDir);
  const genuine = { report, signature: await signReport(report, trusted, 'dr.byrne@hospital.example', '2026-11-30') };
  const edited = { ...report, sections: { impression: '1. No acute abnormality.' } };
  const attacker = localKeySigner(dir());
  const resigned = {
    report: edited,
    signature: await signReport(edited, attacker, 'dr.byrne@hospital.example', '2026-11-30'),
  };
  // The same forgery claiming the trusted key's id and public key: only the signature gives it away.
  const disguised = {
    report: edited,
    signature: { ...resigned.signature, keyId: trusted.keyId, publicKey: await trusted.publicKey() },
  };
  return { trustedDir, trusted, genuine, resigned, disguised };
}

test('a report edited and re-signed with another key is rejected; the genuine one verifies against the trusted key', async () => {
  const { trustedDir, trusted, genuine, resigned, disguised } = await forgeries();
  const keys = localTrustedKeys(trustedDir);
  assert.deepEqual(await verifySignedReport(genuine, keys), { ok: true, signature: genuine.signature });
  const other = await verifySignedReport(resigned, keys);
  assert.equal(other.ok, false);
  assert.match(
    !other.ok ? other.reason : '',
    new RegExp(`signed with key local:\\w+, but the trusted key .* is ${trusted.keyId}`),
  );
  const hidden = await verifySignedReport(disguised, keys);
  assert.deepEqual(hidden, {
    ok: false,
    reason: `the signature does not match the content under trusted key ${trusted.keyId}`,
  });
  const noKey = await verifySignedReport(genuine, localTrustedKeys(dir()));
  assert.match(
    !noKey.ok ? noKey.reason : '',
    /no trusted signing key at .*radiology-signing\.pem \(set ENCLAVE_KEYS_DIR/,
  );
});

test('enclave verify-signature exits 1 for a re-signed report and 0 for the genuine one', async () => {
  const { trustedDir, genuine, resigned, disguised } = await forgeries();
  const files = dir();
  const write = (name: string, value: unknown) => {
    const file = path.join(files, name);
    writeFileSync(file, JSON.stringify(value));
    return file;
  };
  const env = { ENCLAVE_KEYS_DIR: trustedDir, RADIOLOGY_SIGNING_KEY_ID: '' };
  const ok = enclave(['verify-signature', write('genuine.json', genuine)], env);
  assert.equal(ok.code, 0, ok.stderr);
  assert.match(ok.stdout, /^OK: signed by dr\.byrne@hospital\.example at 2026-11-30 \(ES256, trusted key local:\w+\)/);
  for (const [name, forged] of [
    ['resigned.json', resigned],
    ['disguised.json', disguised],
  ] as const) {
    const run = enclave(['verify-signature', write(name, forged)], env);
    assert.equal(run.code, 1, `${name}: ${run.stdout}`);
    assert.match(run.stderr, new RegExp(`^INVALID: .*${name}: `));
  }
});

test('on Azure only versions of the configured Key Vault key are trusted, fetched by version', async () => {
  const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const jwk = publicKey.export({ format: 'jwk' });
  const fetched: string[] = [];
  const getKey = async (vaultUrl: string, name: string, version?: string) => {
    fetched.push(`${vaultUrl}/keys/${name}/${version}`);
    return {
      id: `${vaultUrl}/keys/${name}/${version}`,
      key: { kty: 'EC', crv: 'P-256', x: Buffer.from(jwk.x!, 'base64url'), y: Buffer.from(jwk.y!, 'base64url') },
    } as unknown as KeyVaultKey;
  };
  const keys = keyVaultTrustedKeys('https://kv-enclave.vault.azure.net/keys/radiology-signing', getKey);
  assert.deepEqual(await keys.resolve('https://kv-enclave.vault.azure.net/keys/radiology-signing/v2'), {
    key: { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y },
  });
  assert.deepEqual(fetched, ['https://kv-enclave.vault.azure.net/keys/radiology-signing/v2']);
  for (const [keyId, why] of [
    ['https://kv-attacker.vault.azure.net/keys/radiology-signing/v1', /not with the trusted key/],
    ['https://kv-enclave.vault.azure.net/keys/other-key/v1', /not with the trusted key/],
    ['https://kv-enclave.vault.azure.net/keys/radiology-signing', /names no key version/],
    ['local:0123456789abcdef', /not a Key Vault key id/],
  ] as const) {
    const resolved = await keys.resolve(keyId);
    assert.ok('refused' in resolved && why.test(resolved.refused), `${keyId}: ${JSON.stringify(resolved)}`);
  }
  assert.equal(fetched.length, 1, 'an untrusted key id is never fetched');
});
