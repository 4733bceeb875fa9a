import { timingSafeEqual } from 'node:crypto';

export interface FunctionKeys {
  /** Accepted for authLevel `function`. */
  function: string;
  /** The master (admin) key: accepted everywhere, required for authLevel `admin`. */
  master: string;
  /** The Durable system key carried by management URLs. */
  system: string;
}

const same = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/** True when the key presented (x-functions-key header or `code` query) satisfies the function's authLevel. */
export function authorized(authLevel: string | undefined, presented: string | undefined, keys: FunctionKeys): boolean {
  const level = (authLevel ?? 'anonymous').toLowerCase();
  if (level === 'anonymous') return true;
  if (!presented) return false;
  if (same(presented, keys.master)) return true;
  return level === 'function' && same(presented, keys.function);
}
