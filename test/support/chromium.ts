import { existsSync } from 'node:fs';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** Debian's Chromium for playwright-core; the reason it is missing, when it is. CI must not skip. */
export function findChromium(): { path?: string; skipReason?: string } {
  const found = CANDIDATES.find((p) => existsSync(p));
  if (found) return { path: found };
  const reason = `Chromium not found at ${CANDIDATES.join(', ')}: install it with \`apt-get install chromium\` (.ci/run does)`;
  if (process.env.CI) throw new Error(`${reason}. CI must run the browser tests.`);
  return { skipReason: reason };
}

/** Playwright runs headless with a fresh temporary profile; these keep Chromium off the closed network. */
export const chromiumArgs = () => [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
