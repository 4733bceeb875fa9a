import { createHash, type JsonWebKey } from 'node:crypto';
import type { KeyVaultKey } from '@azure/keyvault-keys';
import type { ReportSigner, TrustedKeys } from './signing';

type GetKey = (vaultUrl: string, name: string, version?: string) => Promise<KeyVaultKey>;

// One credential (its token cache) and one client per vault for the process, not one per signature checked.
const loadKeyVault = () =>
  Promise.all([import('@azure/keyvault-keys'), import('@azure/identity')]).then(
    ([keys, { DefaultAzureCredential }]) => ({
      keys,
      credential: new DefaultAzureCredential(),
    }),
  );
type KeyVaultModules = Awaited<ReturnType<typeof loadKeyVault>>;
let keyVaultModules: Promise<KeyVaultModules> | undefined;
const keyVault = () => (keyVaultModules ??= loadKeyVault());
const clients = new Map<string, InstanceType<KeyVaultModules['keys']['KeyClient']>>();

const defaultGetKey: GetKey = async (vaultUrl, name, version) => {
  const { keys, credential } = await keyVault();
  const client = clients.get(vaultUrl) ?? new keys.KeyClient(vaultUrl, credential);
  clients.set(vaultUrl, client);
  return client.getKey(name, { version });
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
  // A key version never changes, so each is fetched once.
  const versions = new Map<string, Promise<KeyVaultKey>>();
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
      const key = versions.get(parts.version) ?? getKey(parts.vaultUrl, parts.name, parts.version);
      versions.set(parts.version, key);
      try {
        return { key: publicJwk(await key) };
      } catch (error) {
        versions.delete(parts.version);
        throw error;
      }
    },
  };
}
