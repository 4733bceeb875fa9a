import { createHash } from 'node:crypto';

/** JSON with object keys sorted at every depth, so the same record always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

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
