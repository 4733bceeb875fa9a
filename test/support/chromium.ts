import { existsSync } from 'node:fs';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export const INSTALL_COMMAND = 'apt-get update && apt-get install -y chromium';

export interface ChromiumMachine {
  env: Record<string, string | undefined>;
  exists: (path: string) => boolean;
  /** process.getuid(); undefined where the platform has none. */
  uid: number | undefined;
  aptAvailable: boolean;
}

export type ChromiumPlan = { use: string } | { install: string } | { fail: string };

/** What `npm test` does about the browser: use one that is there, install Debian's as root, or stop saying how. */
export function chromiumPlan(machine: ChromiumMachine): ChromiumPlan {
  const pinned = machine.env.CHROMIUM_PATH;
  if (pinned) {
    if (machine.exists(pinned)) return { use: pinned };
    return { fail: `CHROMIUM_PATH=${pinned} does not exist: point it at a Chromium binary or unset it` };
  }
  const found = CANDIDATES.find((p) => machine.exists(p));
  if (found) return { use: found };
  if (machine.uid === 0 && machine.aptAvailable) return { install: INSTALL_COMMAND };
  return {
    fail: `Chromium not found (${CANDIDATES.join(', ')}, $CHROMIUM_PATH): run \`sudo ${INSTALL_COMMAND}\` or set CHROMIUM_PATH, then npm test again`,
  };
}

/** The Chromium the browser suites drive; npm test has made sure it is there, so a missing one is an error. */
export function findChromium(): string {
  const plan = chromiumPlan({ env: process.env, exists: existsSync, uid: process.getuid?.(), aptAvailable: false });
  if ('use' in plan) return plan.use;
  throw new Error('fail' in plan ? plan.fail : `Chromium not found: run \`${INSTALL_COMMAND}\``);
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
