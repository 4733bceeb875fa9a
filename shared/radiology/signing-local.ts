import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type JsonWebKey,
  type KeyObject,
  sign,
} from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ReportSigner, TrustedKeys } from './signing';

const keyFile = (dir: string) => path.join(dir, 'radiology-signing.pem');

function publicOf(key: KeyObject): { jwk: JsonWebKey; keyId: string } {
  const jwk = createPublicKey(key).export({ format: 'jwk' });
  return { jwk, keyId: `local:${createHash('sha256').update(JSON.stringify(jwk)).digest('hex').slice(0, 16)}` };
}

/** The local stack's signing key: a P-256 key file in `dir` (ENCLAVE_KEYS_DIR), created on first use. */
export function localKeySigner(dir: string): ReportSigner {
  const file = keyFile(dir);
  let key: KeyObject;
  if (existsSync(file)) key = createPrivateKey(readFileSync(file, 'utf8'));
  else {
    mkdirSync(dir, { recursive: true });
    key = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
    writeFileSync(file, key.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  }
  const { jwk, keyId } = publicOf(key);
  return {
    keyId,
    publicKey: async () => jwk,
    sign: async (bytes) => sign('sha256', bytes, { key, dsaEncoding: 'ieee-p1363' }),
  };
}

/** Trusts only the key in the local key file; never creates one. */
export function localTrustedKeys(dir: string): TrustedKeys {
  return {
    async resolve(keyId) {
      const file = keyFile(dir);
      if (!existsSync(file))
        return { refused: `no trusted signing key at ${file} (set ENCLAVE_KEYS_DIR to the stack's key folder)` };
      const trusted = publicOf(createPrivateKey(readFileSync(file, 'utf8')));
      if (keyId !== trusted.keyId)
        return { refused: `signed with key ${keyId}, but the trusted key (${file}) is ${trusted.keyId}` };
      return { key: trusted.jwk };
    },
  };
}
