/** A signature over a head or a day manifest, stored beside it in the heads table. */
export interface HeadSignature {
  /** HS256 (HMAC-SHA256, the local key) or ES256 (a Key Vault EC P-256 key). */
  alg: 'HS256' | 'ES256';
  /** Which key signed: `local:<fingerprint>` or the Key Vault key id with its version. */
  keyId: string;
  /** Base64 of the MAC or of the raw r||s signature. */
  value: string;
}

/**
 * The key that makes the audit's heads and day manifests unforgeable by anyone who can only write storage:
 * a Key Vault key on Azure (AUDIT_SIGNING_KEY_ID), an HMAC key from AUDIT_HEAD_KEY locally.
 */
export interface HeadKey {
  sign(statement: Buffer): Promise<HeadSignature>;
  /** undefined when the signature is valid under a trusted key, otherwise why not. */
  check(statement: Buffer, signature: HeadSignature): Promise<string | undefined>;
}
