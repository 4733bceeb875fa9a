import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startAzurite } from '../../local/azurite/start';
import { consoleLog } from '../../local/host/console-log';
import { startHost } from '../../local/host/index';
import { durableApi, type Status } from '../support/durable';

/** The Azure Storage provider's published per-instance maxima (Durable Functions performance docs). */
const PROVIDER = { sequential: 5, fanOut: 100, fanIn: 150, externalEvents: 50 };

type Timed = Omit<Status, 'historyEvents'> & { historyEvents: { EventType: string; Timestamp: string }[] };

export async function run(args: string[]): Promise<void> {
  // `--host-log`: the host's lines (Executing/Executed per invocation) written as `enclave start` writes them, to /dev/null.
  const withLog = args.includes('--host-log');
  const scale = Number(args.find((a) => !a.startsWith('--')) ?? 1);
  const sink = withLog ? openSync('/dev/null', 'w') : undefined;
  const log =
    sink === undefined ? () => {} : consoleLog({ write: (chunk) => writeSync(sink, chunk), colour: false }).log;
  const dir = mkdtempSync(path.join(tmpdir(), 'enclave-bench-durable-'));
  const azurite = await startAzurite({ location: dir });
  const appDir = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'durable-app');
  const host = await startHost({ appDir, port: 0, storageConnectionString: azurite.connectionString, log });
  const api = durableApi(host);
  const emit = (metric: string, value: number, baseline: number, extra: Record<string, unknown>) =>
    console.log(
      JSON.stringify({
        bench: 'durable',
        metric,
        perSecond: Math.round(value),
        azureStorageProvider: baseline,
        ratio: Number((value / baseline).toFixed(1)),
        hostLog: withLog,
        ...extra,
      }),
    );
  try {
    const seqN = 200 * scale;
    let t = performance.now();
    await api.start('sequence', 'bench-seq', { n: seqN });
    await api.until('bench-seq', undefined, 600_000);
    emit('sequential activities', seqN / ((performance.now() - t) / 1000), PROVIDER.sequential, {
      activities: seqN,
      seconds: (performance.now() - t) / 1000,
    });

    const fanN = 2000 * scale;
    t = performance.now();
    await api.start('fanOut', 'bench-fan', { n: fanN });
    await api.until('bench-fan', undefined, 600_000);
    const total = (performance.now() - t) / 1000;
    const history = (await api.status('bench-fan', '&showHistory=true')) as unknown as Timed;
    const at = (type: string) =>
      history.historyEvents.filter((e) => e.EventType === type).map((e) => Date.parse(e.Timestamp));
    const started = Math.min(...at('ExecutionStarted'));
    const completions = at('TaskCompleted');
    const lastCompletion = Math.max(...completions);
    const finished = Math.max(...at('ExecutionCompleted'));
    emit('fan-out activities', fanN / Math.max(0.001, (lastCompletion - started) / 1000), PROVIDER.fanOut, {
      activities: fanN,
      seconds: (lastCompletion - started) / 1000,
    });
    emit('fan-in responses', fanN / Math.max(0.001, (finished - Math.min(...completions)) / 1000), PROVIDER.fanIn, {
      responses: fanN,
      totalSeconds: total,
    });

    const eventsN = 500 * scale;
    await api.start('events', 'bench-events', { n: eventsN });
    await api.until('bench-events', (s) => s.runtimeStatus === 'Running');
    t = performance.now();
    for (let i = 0; i < eventsN; i += 25)
      await Promise.all(Array.from({ length: Math.min(25, eventsN - i) }, () => api.raise('bench-events', 'e', i)));
    await api.until('bench-events', undefined, 600_000);
    emit('external events', eventsN / ((performance.now() - t) / 1000), PROVIDER.externalEvents, {
      events: eventsN,
      seconds: (performance.now() - t) / 1000,
    });
  } finally {
    await host.stop();
    await azurite.stop();
    rmSync(dir, { recursive: true, force: true });
    if (sink !== undefined) closeSync(sink);
  }
}
