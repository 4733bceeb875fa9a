import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

export interface HostProcess {
  url: string;
  child: ChildProcess;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/** Runs the local host as its own process (dist/local/host/main.js), so a test can SIGKILL it. */
export async function spawnHost(appDir: string, storage: string, port: number): Promise<HostProcess> {
  const entry = path.join(__dirname, '..', '..', 'local', 'host', 'main.js');
  const child = spawn(process.execPath, [entry], {
    env: { ...process.env, ENCLAVE_APP_DIR: appDir, ENCLAVE_PORT: String(port), AzureWebJobsStorage: storage },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let errors = '';
  child.stderr?.on('data', (d: Buffer) => {
    errors += d.toString();
    if (process.env.ENCLAVE_DEBUG_HOST) process.stderr.write(d);
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      if (process.env.ENCLAVE_DEBUG_HOST) process.stderr.write(d);
      const m = /Ready (\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`host exited with ${code} before it was ready: ${errors}`)));
  });
  return {
    url,
    child,
    kill(signal = 'SIGKILL') {
      return new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill(signal);
      });
    },
  };
}
