import { sha256 } from './sha256';

/**
 * A name segment Enclave reuses as (part of) another blob's name: letters and digits of any script, spaces and
 * `_ . ( ) + , -`, not starting with a dot (so never `.` or `..`), no `/`, `\`, `%` or control characters. A blob trigger's `{name}`
 * comes from whoever could write the container; reused unchecked, `../radiology-signed/ACC-1.pdf` would be written
 * beside the signed reports (storage clients resolve dot segments in the URL).
 */
const SEGMENT = /^[\p{L}\p{N}_][\p{L}\p{N}_. ()+,-]{0,199}$/u;

export interface BlobNameRule {
  container: string;
  /** Whether virtual folders (`a/b.json`) are part of the name. */
  folders: boolean;
}

/** Why `name` breaks the container's rule, or undefined when it may be reused. */
export function blobNameProblem(name: string, rule: BlobNameRule): string | undefined {
  const segments = name.split('/');
  if (!rule.folders && segments.length > 1) return `${rule.container} names have no folders ("/")`;
  if (name.length > 400) return `${rule.container} names are at most 400 characters`;
  const bad = segments.find((s) => !SEGMENT.test(s));
  if (bad === undefined) return undefined;
  return `${rule.container} names are made of letters, digits, spaces and _ . ( ) + , -, each part not starting with "." (found ${JSON.stringify(bad.slice(0, 80))})`;
}

/** A name that is safe to write in place of one that broke the rule (its hash, so the same blob maps to one name). */
export const quarantineName = (name: string) => `invalid-name-${sha256(name).slice(0, 32)}`;
