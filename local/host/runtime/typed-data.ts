import type { TypedData } from '../durable/contract';

/** TypedData (the worker's wire form) → a JS value, as the host reads handler results. */
export function fromTypedData(data: unknown): unknown {
  if (!data || typeof data !== 'object') return undefined;
  const d = data as Record<string, unknown>;
  if (d.string != null) return d.string;
  if (d.json != null) return JSON.parse(String(d.json));
  if (d.bytes != null) return Buffer.from(d.bytes as Uint8Array);
  if (d.stream != null) return Buffer.from(d.stream as Uint8Array);
  if (d.int != null) return Number(d.int);
  if (d.double != null) return Number(d.double);
  if (d.collectionString != null) return (d.collectionString as { string: string[] }).string;
  return undefined;
}

/** A JS value → TypedData, as the host passes inputs. */
export function toTypedData(value: unknown): TypedData {
  if (value === undefined || value === null) return {};
  if (typeof value === 'string') return { string: value };
  if (Buffer.isBuffer(value) || value instanceof Uint8Array) return { bytes: value };
  if (typeof value === 'number') return Number.isInteger(value) ? { int: value } : { double: value };
  return { json: JSON.stringify(value) };
}

export const jsonData = (value: unknown): TypedData => ({ json: JSON.stringify(value) });
