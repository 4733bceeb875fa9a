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
