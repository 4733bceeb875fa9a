import { createHash } from 'node:crypto';
import { viewScripts } from './views';

/** The review page's Content-Security-Policy: nothing external, inline styles, and only the views' own scripts. */
export function reviewPageCsp(): string {
  const hashes = viewScripts().map((s) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`);
  return `default-src 'none'; style-src 'unsafe-inline'; form-action 'self'${hashes.length ? `; script-src ${hashes.join(' ')}` : ''}`;
}
