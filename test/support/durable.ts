import type { RunningHost } from '../../local/host/index';

export interface Status {
  name: string;
  instanceId: string;
  runtimeStatus: string;
  input: unknown;
  output: unknown;
  customStatus: unknown;
  historyEvents?: { EventType: string; EventId: number; Name?: string }[];
}

/**
 * A status poll, tried again once when the connection was reset: the host shares this process, and after a long
 * synchronous stretch (300 pages of recognisers) its server closes keep-alive sockets the client is about to reuse.
 */
async function getOnce(url: string): Promise<Response> {
  try {
    return await fetch(url);
  } catch (error) {
    if ((error as { cause?: { code?: string } }).cause?.code !== 'ECONNRESET') throw error;
    return fetch(url);
  }
}

const RUNNING = new Set(['Running', 'Pending', 'ContinuedAsNew', 'Suspended', 'NotFound']);

/** Talks to the host's Durable management API with the system key, as an operator would. */
export function durableApi(host: RunningHost) {
  const base = `${host.url}/runtime/webhooks/durabletask`;
  const key = `code=${host.keys.system}`;
  return {
    async start(name: string, id: string, input?: unknown): Promise<Response> {
      return fetch(`${host.url}/api/start/${name}/${id}`, {
        method: 'POST',
        body: input === undefined ? undefined : JSON.stringify(input),
      });
    },
    async status(id: string, query = ''): Promise<Status> {
      const response = await getOnce(`${base}/instances/${id}?${key}${query}`);
      if (response.status === 404)
        return { name: '', instanceId: id, runtimeStatus: 'NotFound', input: null, output: null, customStatus: null };
      return (await response.json()) as Status;
    },
    async raise(id: string, event: string, data: unknown): Promise<number> {
      const response = await fetch(`${base}/instances/${id}/raiseEvent/${event}?${key}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(data),
      });
      return response.status;
    },
    async post(path: string): Promise<Response> {
      return fetch(`${base}/${path}${path.includes('?') ? '&' : '?'}${key}`, { method: 'POST' });
    },
    async until(
      id: string,
      done: (s: Status) => boolean = (s) => !RUNNING.has(s.runtimeStatus),
      timeoutMs = 30_000,
    ): Promise<Status> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const s = await this.status(id);
        if (done(s)) return s;
        if (Date.now() > deadline) throw new Error(`instance ${id} still ${s.runtimeStatus} after ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 25));
      }
    },
  };
}
