import canonicalize from 'canonicalize';
import { sha256 } from '../storage/sha256';

/**
 * RFC 8785 (JSON Canonicalization Scheme) through the `canonicalize` package, so a verifier in any language
 * recomputes every hash. For the records the audit schema admits it is byte-for-byte what the earlier hand-written
 * form produced (keys sorted by UTF-16 code units, ECMAScript number and string forms), so old chains verify as is.
 */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new TypeError('canonical JSON: the value has no JSON form (undefined or a symbol)');
  return text;
}

export { sha256 };

export const GENESIS = '0'.repeat(64);

export interface ChainedRecord {
  seq: number;
  prevHash: string;
  hash: string;
  [field: string]: unknown;
}

/** Links a record into a chain: its hash covers the record, its position and its predecessor's hash. */
export function chain(record: object, seq: number, prevHash: string): ChainedRecord {
  const body = { ...record, seq, prevHash };
  return { ...body, hash: sha256(canonicalJson(body)) };
}

export function hashOf(entry: ChainedRecord): string {
  const { hash: _hash, ...body } = entry;
  return sha256(canonicalJson(body));
}
