import assert from 'node:assert/strict';
import { createHash, generateKeyPairSync, sign, verify } from 'node:crypto';
import { test } from 'node:test';
import { localHeadKey } from '../../shared/audit/head-key-local';
import type { HeadCrypto } from '../../shared/audit/head-key-vault';
import { keyVaultHeadKey } from '../../shared/audit/head-key-vault';
import { readAuditConfig } from '../../shared/config/audit';
import { ConfigError } from '../../shared/errors';

const statement = Buffer.from('{"statement":"enclave-audit-head/1","seq":3}');

/**
 * Key Vault's CryptographyClient for one EC P-256 key: sign and verify take the SHA-256 digest, as the real
 * service does for ES256 (Key Vault is Azure-only; this is the interface's stand-in, its maths is real).
 */
function vaultKey(keyId: string): HeadCrypto & { digests: Buffer[] } {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const digests: Buffer[] = [];
  return {
    digests,
    async sign(algorithm, digest) {
      assert.equal(algorithm, 'ES256');
      digests.push(Buffer.from(digest));
      const signature = sign(null, Buffer.from(digest), { key: privateKey, dsaEncoding: 'ieee-p1363' });
      return { result: signature, keyID: keyId, algorithm };
    },
    async verify(algorithm, digest, signature) {
      return {
        result:
          algorithm === 'ES256' &&
          verify(null, Buffer.from(digest), { key: publicKey, dsaEncoding: 'ieee-p1363' }, signature),
        keyID: keyId,
      };
    },
  } as HeadCrypto & { digests: Buffer[] };
}

test('the Key Vault head key signs the SHA-256 of the statement with ES256 and trusts only its own key', async () => {
  const id = 'https://kv-enclave.vault.azure.net/keys/audit-heads/0123abcd';
  const crypto = vaultKey(id);
  const key = keyVaultHeadKey('https://kv-enclave.vault.azure.net/keys/audit-heads', async () => crypto);
  const signature = await key.sign(statement);
  assert.deepEqual([signature.alg, signature.keyId], ['ES256', id]);
  assert.equal(crypto.digests[0]!.toString('hex'), createHash('sha256').update(statement).digest('hex'));
  assert.equal(await key.check(statement, signature), undefined);
  assert.match(String(await key.check(Buffer.from('{"seq":4}'), signature)), /does not match the content/);
  assert.match(
    String(await key.check(statement, { ...signature, keyId: 'https://other.vault.azure.net/keys/audit-heads/1' })),
    /not with the trusted head key/,
  );
  assert.match(String(await key.check(statement, { ...signature, alg: 'HS256' })), /ES256/);
});

test('the local head key: HMAC under AUDIT_HEAD_KEY, another key or an edit is refused', async () => {
  const key = localHeadKey('k'.repeat(32));
  const signature = await key.sign(statement);
  assert.equal(await key.check(statement, signature), undefined);
  assert.match(String(await localHeadKey('x'.repeat(32)).check(statement, signature)), /trusted head key is local:/);
  assert.match(String(await key.check(Buffer.from('{}'), signature)), /does not match/);
});

test('on Azure the audit head key must be a Key Vault key; locally a short AUDIT_HEAD_KEY is refused', () => {
  assert.throws(
    () => readAuditConfig({}, 'azure'),
    (e: Error) => e instanceof ConfigError && /AUDIT_SIGNING_KEY_ID/.test(e.message),
  );
  assert.throws(() => readAuditConfig({ AUDIT_SIGNING_KEY_ID: 'audit-heads' }, 'azure'), /AUDIT_SIGNING_KEY_ID/);
  assert.throws(() => readAuditConfig({ AUDIT_HEAD_KEY: 'short' }), /AUDIT_HEAD_KEY/);
  const azure = readAuditConfig({ AUDIT_SIGNING_KEY_ID: 'https://kv.vault.azure.net/keys/audit-heads' }, 'azure');
  assert.deepEqual([azure.signingKeyId, azure.headKey], ['https://kv.vault.azure.net/keys/audit-heads', undefined]);
});
