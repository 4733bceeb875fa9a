import { canonicalJson } from './canonical';
import type { HeadSignature } from './head-key';

/** The last record of one writer's chain of one day, as the heads table keeps it. */
export interface Head {
  day: string;
  chain: string;
  seq: number;
  hash: string;
  /** The chain's latest segment. */
  blob: string;
}

/** The chains a day holds, as the writers listed themselves before their first head. */
export interface DayManifest {
  day: string;
  chains: string[];
}

/** What a head signature covers: the exact bytes, RFC 8785 JSON with a statement type. */
export const headStatement = (h: Head) =>
  Buffer.from(
    canonicalJson({
      statement: 'enclave-audit-head/1',
      day: h.day,
      chain: h.chain,
      seq: h.seq,
      hash: h.hash,
      blob: h.blob,
    }),
  );

/** What an intent signature covers: the head a writer is about to reach with one append. */
export const intentStatement = (h: Head) =>
  Buffer.from(
    canonicalJson({
      statement: 'enclave-audit-intent/1',
      day: h.day,
      chain: h.chain,
      seq: h.seq,
      hash: h.hash,
      blob: h.blob,
    }),
  );

export const manifestStatement = (m: DayManifest) =>
  Buffer.from(canonicalJson({ statement: 'enclave-audit-manifest/1', day: m.day, chains: [...m.chains].sort() }));

/** The table columns a signature is stored in. */
export interface SignatureColumns {
  sigAlg?: unknown;
  sigKeyId?: unknown;
  sig?: unknown;
}

export const signatureColumns = (s: HeadSignature) => ({ sigAlg: s.alg, sigKeyId: s.keyId, sig: s.value });

export function signatureOf(row: SignatureColumns): HeadSignature | undefined {
  const { sigAlg, sigKeyId, sig } = row;
  if ((sigAlg !== 'HS256' && sigAlg !== 'ES256') || typeof sigKeyId !== 'string' || typeof sig !== 'string')
    return undefined;
  return { alg: sigAlg, keyId: sigKeyId, value: sig };
}
