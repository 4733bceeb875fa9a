import { createPublicKey, type JsonWebKey, verify } from 'node:crypto';
import { canonicalJson } from '../audit/canonical';

export interface ReportSignature {
  algorithm: 'ES256';
  keyId: string;
  /** The signer's public key (JWK, P-256), for information only: verification uses the trusted key for keyId. */
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

/** The keys a verifier trusts; never the one a signed file carries. */
export interface TrustedKeys {
  /** The trusted public key for `keyId`, or why that key id is not trusted. */
  resolve(keyId: string): Promise<{ key: JsonWebKey } | { refused: string }>;
}

export type Verification = { ok: true; signature: ReportSignature } | { ok: false; reason: string };

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

const sameKey = (a: JsonWebKey, b: JsonWebKey) => a.kty === b.kty && a.crv === b.crv && a.x === b.x && a.y === b.y;

/** Checks a signed file (`{report, signature}`) against the trusted key its keyId names. */
export async function verifySignedReport(file: unknown, trusted: TrustedKeys): Promise<Verification> {
  const { report, signature } = (file ?? {}) as { report?: unknown; signature?: ReportSignature };
  if (!report || !signature || typeof signature.keyId !== 'string' || typeof signature.value !== 'string')
    return { ok: false, reason: 'not a signed report (expected {report, signature: {keyId, value, ...}})' };
  if (signature.algorithm !== 'ES256') return { ok: false, reason: `algorithm ${signature.algorithm} is not ES256` };
  const resolved = await trusted.resolve(signature.keyId);
  if ('refused' in resolved) return { ok: false, reason: resolved.refused };
  if (signature.publicKey && !sameKey(signature.publicKey, resolved.key))
    return { ok: false, reason: `the public key in the file is not the trusted key ${signature.keyId}` };
  const valid = verify(
    'sha256',
    Buffer.from(canonicalJson(report)),
    { key: createPublicKey({ key: resolved.key, format: 'jwk' }), dsaEncoding: 'ieee-p1363' },
    Buffer.from(signature.value, 'base64'),
  );
  if (!valid)
    return { ok: false, reason: `the signature does not match the content under trusted key ${signature.keyId}` };
  return { ok: true, signature };
}
