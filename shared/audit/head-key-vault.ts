import { createHash } from 'node:crypto';
import type { CryptographyClient } from '@azure/keyvault-keys';
import { keyVaultKeyParts } from '../radiology/signing-key-vault';
import type { HeadKey } from './head-key';

/** What the head key needs from Key Vault: the real CryptographyClient's sign and verify. */
export type HeadCrypto = Pick<CryptographyClient, 'sign' | 'verify'>;
export type CryptoFor = (keyId: string) => Promise<HeadCrypto>;

const clients = new Map<string, Promise<HeadCrypto>>();

const defaultCryptoFor: CryptoFor = (keyId) => {
  const client =
    clients.get(keyId) ??
    Promise.all([import('@azure/keyvault-keys'), import('@azure/identity')]).then(
      ([keys, { DefaultAzureCredential }]) => new keys.CryptographyClient(keyId, new DefaultAzureCredential()),
    );
  clients.set(keyId, client);
  return client;
};

const digest = (statement: Buffer) => createHash('sha256').update(statement).digest();

/**
 * ES256 with the Key Vault key AUDIT_SIGNING_KEY_ID (EC P-256): the app's identity may sign, the key never leaves
 * the vault, so storage access alone cannot forge a head. Any version of that key is trusted; a pinned version only.
 */
export function keyVaultHeadKey(configuredKeyId: string, cryptoFor: CryptoFor = defaultCryptoFor): HeadKey {
  const trusted = keyVaultKeyParts(configuredKeyId);
  return {
    async sign(statement) {
      const result = await (await cryptoFor(configuredKeyId)).sign('ES256', digest(statement));
      return {
        alg: 'ES256',
        keyId: result.keyID ?? configuredKeyId,
        value: Buffer.from(result.result).toString('base64'),
      };
    },
    async check(statement, signature) {
      if (signature.alg !== 'ES256') return `signed with ${signature.alg}, the audit key in Key Vault is ES256`;
      let parts: ReturnType<typeof keyVaultKeyParts>;
      try {
        parts = keyVaultKeyParts(signature.keyId);
      } catch (error) {
        return `${(error as Error).message}; the trusted head key is ${configuredKeyId}`;
      }
      if (parts.vaultUrl !== trusted.vaultUrl || parts.name !== trusted.name)
        return `signed with key ${signature.keyId}, not with the trusted head key ${configuredKeyId}`;
      if (trusted.version && parts.version !== trusted.version)
        return `signed with version ${parts.version ?? '(none)'}, but only ${trusted.version} is trusted`;
      const crypto = await cryptoFor(signature.keyId);
      const { result } = await crypto.verify('ES256', digest(statement), Buffer.from(signature.value, 'base64'));
      return result ? undefined : `the signature does not match the content under ${signature.keyId}`;
    },
  };
}
