import { execFile, spawnSync } from 'node:child_process';
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

/** `enclave` as a child process without blocking this one (for a host running in the test's own process). */
export function enclaveAsync(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [bin, ...args],
      { env: { ...process.env, ...env }, timeout: 60_000 },
      (error, stdout, stderr) =>
        resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}
