import { createHash, type JsonWebKey } from 'node:crypto';
import type { KeyVaultKey } from '@azure/keyvault-keys';
import type { ReportSigner, TrustedKeys } from './signing';

type GetKey = (vaultUrl: string, name: string, version?: string) => Promise<KeyVaultKey>;

async function keyVault() {
  const [keys, { DefaultAzureCredential }] = await Promise.all([
    import('@azure/keyvault-keys'),
    import('@azure/identity'),
  ]);
  return { keys, credential: new DefaultAzureCredential() };
}

const defaultGetKey: GetKey = async (vaultUrl, name, version) => {
  const { keys, credential } = await keyVault();
  return new keys.KeyClient(vaultUrl, credential).getKey(name, { version });
};

function publicJwk(key: KeyVaultKey): JsonWebKey {
  const jwk = key.key;
  if (!jwk?.x || !jwk.y || jwk.crv !== 'P-256') throw new Error(`Key Vault key ${key.id} is not an EC P-256 key`);
  return {
    kty: 'EC',
    crv: 'P-256',
    x: Buffer.from(jwk.x).toString('base64url'),
    y: Buffer.from(jwk.y).toString('base64url'),
  };
}

/** `https://<vault>/keys/<name>[/<version>]` → its parts; throws on anything else. */
export function keyVaultKeyParts(keyId: string): { vaultUrl: string; name: string; version?: string } {
  const url = new URL(keyId);
  const [, kind, name, version, extra] = url.pathname.split('/');
  if (url.protocol !== 'https:' || kind !== 'keys' || !name || extra !== undefined)
    throw new Error(`${keyId} is not a Key Vault key id (https://<vault>/keys/<name>[/<version>])`);
  return { vaultUrl: url.origin, name, version: version || undefined };
}

/**
 * Key Vault key `radiology-signing` (EC-HSM P-256) signs through CryptographyClient. The version is pinned when
 * the signer is made, so the signature names the exact key version that verifies it after a rotation.
 */
export async function keyVaultSigner(keyId: string, getKey: GetKey = defaultGetKey): Promise<ReportSigner> {
  const parts = keyVaultKeyParts(keyId);
  const key = await getKey(parts.vaultUrl, parts.name, parts.version);
  const { keys, credential } = await keyVault();
  const client = new keys.CryptographyClient(key.id!, credential);
  const jwk = publicJwk(key);
  return {
    keyId: key.id!,
    publicKey: async () => jwk,
    async sign(bytes) {
      const digest = createHash('sha256').update(bytes).digest();
      return Buffer.from((await client.sign('ES256', digest)).result);
    },
  };
}

/** Trusts any version of the configured key in the configured vault, fetched from Key Vault by version. */
export function keyVaultTrustedKeys(configuredKeyId: string, getKey: GetKey = defaultGetKey): TrustedKeys {
  const trusted = keyVaultKeyParts(configuredKeyId);
  return {
    async resolve(keyId) {
      let parts: ReturnType<typeof keyVaultKeyParts>;
      try {
        parts = keyVaultKeyParts(keyId);
      } catch (error) {
        return { refused: `${(error as Error).message}; the trusted key is ${configuredKeyId}` };
      }
      if (parts.vaultUrl !== trusted.vaultUrl || parts.name !== trusted.name)
        return { refused: `signed with key ${keyId}, not with the trusted key ${configuredKeyId}` };
      if (!parts.version) return { refused: `key id ${keyId} names no key version` };
      if (trusted.version && parts.version !== trusted.version)
        return { refused: `signed with version ${parts.version}, but only ${trusted.version} is trusted` };
      return { key: publicJwk(await getKey(parts.vaultUrl, parts.name, parts.version)) };
    },
  };
}
