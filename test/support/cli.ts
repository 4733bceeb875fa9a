import { spawnSync } from 'node:child_process';
import path from 'node:path';

const bin = path.join(__dirname, '..', '..', '..', 'bin', 'enclave.js');

/** Runs the built `enclave` command as a user would; returns its exit code and output. */
export function enclave(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
