import { createHash } from 'node:crypto';
import { LINK_OPENER_SCRIPT } from './link-opener';
import { viewScripts } from './views';

/** The review page's Content-Security-Policy: nothing external, no <base>, inline styles, and only our own scripts (by hash). */
export function reviewPageCsp(): string {
  const hashes = [LINK_OPENER_SCRIPT, ...viewScripts()].map(
    (s) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`,
  );
  return `default-src 'none'; base-uri 'none'; style-src 'unsafe-inline'; form-action 'self'; script-src ${hashes.join(' ')}`;
}
