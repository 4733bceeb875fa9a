import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface QueueSettings {
  messageEncoding: 'base64' | 'none';
  maxDequeueCount: number;
  visibilityTimeoutMs: number;
  batchSize: number;
  newBatchThreshold: number;
  maxPollingIntervalMs: number;
}

export interface HostJson {
  routePrefix: string;
  queues: QueueSettings;
  hubName: string;
  durableTask: Record<string, unknown>;
}

/** .NET TimeSpan text (`hh:mm:ss`, `d.hh:mm:ss`) → milliseconds. */
export function timeSpanMs(text: string, setting: string): number {
  const m = /^(?:(\d+)\.)?(\d+):(\d+):(\d+(?:\.\d+)?)$/.exec(text);
  if (!m) throw new Error(`host.json ${setting}: "${text}" is not a TimeSpan like 00:00:30`);
  return (((Number(m[1] ?? 0) * 24 + Number(m[2])) * 60 + Number(m[3])) * 60 + Number(m[4])) * 1000;
}

export function readHostJson(appDir: string): HostJson {
  const file = path.join(appDir, 'host.json');
  const raw = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
  if (raw.version !== undefined && raw.version !== '2.0') throw new Error(`${file}: version must be "2.0"`);
  const ext = (raw.extensions ?? {}) as Record<string, Record<string, unknown>>;
  const q = ext.queues ?? {};
  const batchSize = Number(q.batchSize ?? 16);
  if (!(batchSize >= 1 && batchSize <= 32)) throw new Error(`${file}: extensions.queues.batchSize must be 1..32`);
  const encoding = String(q.messageEncoding ?? 'base64').toLowerCase();
  if (encoding !== 'base64' && encoding !== 'none')
    throw new Error(`${file}: extensions.queues.messageEncoding must be base64 or none`);
  const durableTask = ext.durableTask ?? {};
  return {
    routePrefix: String(ext.http?.routePrefix ?? 'api'),
    queues: {
      messageEncoding: encoding,
      maxDequeueCount: Number(q.maxDequeueCount ?? 5),
      visibilityTimeoutMs: timeSpanMs(String(q.visibilityTimeout ?? '00:00:00'), 'extensions.queues.visibilityTimeout'),
      batchSize,
      newBatchThreshold: Number(q.newBatchThreshold ?? Math.floor(batchSize / 2)),
      maxPollingIntervalMs: timeSpanMs(
        String(q.maxPollingInterval ?? '00:00:02'),
        'extensions.queues.maxPollingInterval',
      ),
    },
    hubName: String(durableTask.hubName ?? 'TestHubName'),
    durableTask,
  };
}
