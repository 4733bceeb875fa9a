import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type JsonWebKey,
  type KeyObject,
  sign,
  verify,
} from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { canonicalJson } from '../audit/canonical';

export interface ReportSignature {
  algorithm: 'ES256';
  keyId: string;
  /** Public key to verify with (JWK, P-256). */
  publicKey: JsonWebKey;
  /** Base64 of the raw (IEEE P1363) r||s signature over SHA-256 of the canonical report JSON. */
  value: string;
  signedAt: string;
  signer: string;
}

/** ES256 (ECDSA P-256 over SHA-256) with a key file locally, Key Vault on Azure. */
export interface ReportSigner {
  keyId: string;
  publicKey(): Promise<JsonWebKey>;
  /** Raw r||s signature of the bytes. */
  sign(bytes: Buffer): Promise<Buffer>;
}

export function localKeySigner(dir: string): ReportSigner {
  const file = path.join(dir, 'radiology-signing.pem');
  let key: KeyObject;
  if (existsSync(file)) key = createPrivateKey(readFileSync(file, 'utf8'));
  else {
    mkdirSync(dir, { recursive: true });
    key = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
    writeFileSync(file, key.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  }
  const jwk = createPublicKey(key).export({ format: 'jwk' });
  const keyId = `local:${createHash('sha256').update(JSON.stringify(jwk)).digest('hex').slice(0, 16)}`;
  return {
    keyId,
    publicKey: async () => jwk,
    sign: async (bytes) => sign('sha256', bytes, { key, dsaEncoding: 'ieee-p1363' }),
  };
}

/** Azure Key Vault (key `radiology-signing`, EC-HSM P-256): the real CryptographyClient call. */
export async function keyVaultSigner(keyId: string): Promise<ReportSigner> {
  const [{ CryptographyClient, KeyClient }, { DefaultAzureCredential }] = await Promise.all([
    import('@azure/keyvault-keys'),
    import('@azure/identity'),
  ]);
  const credential = new DefaultAzureCredential();
  const client = new CryptographyClient(keyId, credential);
  const url = new URL(keyId);
  const name = url.pathname.split('/')[2]!;
  const keys = new KeyClient(url.origin, credential);
  return {
    keyId,
    async publicKey() {
      const key = await keys.getKey(name);
      const jwk = key.key!;
      return {
        kty: 'EC',
        crv: 'P-256',
        x: Buffer.from(jwk.x!).toString('base64url'),
        y: Buffer.from(jwk.y!).toString('base64url'),
      };
    },
    async sign(bytes) {
      const digest = createHash('sha256').update(bytes).digest();
      return Buffer.from((await client.sign('ES256', digest)).result);
    },
  };
}

/** Signs the canonical JSON of the final report. */
export async function signReport(
  report: unknown,
  signer: ReportSigner,
  by: string,
  at: string,
): Promise<ReportSignature> {
  const value = await signer.sign(Buffer.from(canonicalJson(report)));
  return {
    algorithm: 'ES256',
    keyId: signer.keyId,
    publicKey: await signer.publicKey(),
    value: value.toString('base64'),
    signedAt: at,
    signer: by,
  };
}

export function verifyReport(report: unknown, signature: ReportSignature): boolean {
  const key = createPublicKey({ key: signature.publicKey, format: 'jwk' });
  return verify(
    'sha256',
    Buffer.from(canonicalJson(report)),
    { key, dsaEncoding: 'ieee-p1363' },
    Buffer.from(signature.value, 'base64'),
  );
}
