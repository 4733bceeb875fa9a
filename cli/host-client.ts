import path from 'node:path';
import { readLocalSettings } from '../local/settings';

/** Talks to a running local host's Durable management API (system key from settings or --key). */
export interface HostTarget {
  host: string;
  key: string;
}

export function hostTarget(options: { host?: string; key?: string }): HostTarget {
  return {
    host: (options.host ?? process.env.ENCLAVE_HOST_URL ?? 'http://localhost:7071').replace(/\/$/, ''),
    key: options.key ?? process.env.ENCLAVE_SYSTEM_KEY ?? 'local-durable-system-key',
  };
}

export async function management(target: HostTarget, path: string, init: RequestInit = {}): Promise<Response> {
  const url = `${target.host}/runtime/webhooks/durabletask/${path}${path.includes('?') ? '&' : '?'}code=${encodeURIComponent(target.key)}`;
  try {
    return await fetch(url, init);
  } catch (error) {
    throw new Error(`cannot reach the host at ${target.host} (${(error as Error).message}); is \`npm start\` running?`);
  }
}

/**
 * The key for the app's own `authLevel: function` endpoints: ENCLAVE_FUNCTION_KEY from the environment or
 * local.settings.json, else the local host's default. Sent as `x-functions-key` (never in the URL).
 */
export function functionKey(): string {
  const appDir = path.resolve(__dirname, '..', '..');
  return (
    process.env.ENCLAVE_FUNCTION_KEY ?? readLocalSettings(appDir).values.ENCLAVE_FUNCTION_KEY ?? 'local-function-key'
  );
}

/** The host's master key, for operator routes (`authLevel: admin`): ENCLAVE_MASTER_KEY, else the local default. */
export function masterKey(): string {
  return process.env.ENCLAVE_MASTER_KEY ?? 'local-master-key';
}

/** fetch with the function key, for the app's submit and status endpoints. */
export function withFunctionKey(init: RequestInit = {}): RequestInit {
  return { ...init, headers: { ...(init.headers as Record<string, string>), 'x-functions-key': functionKey() } };
}
