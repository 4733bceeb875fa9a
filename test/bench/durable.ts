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
type Api = ReturnType<typeof durableApi>;

/**
 * One orchestrator fanning out to `n` activities and waiting for all. Fan-out: start → last response recorded; fan-in:
 * first response recorded → orchestration completed (so it includes applying every response and the final replay).
 */
async function fanOutAndIn(api: Api, id: string, n: number) {
  const t = performance.now();
  await api.start('fanOut', id, { n });
  await api.until(id, undefined, 900_000);
  const totalSeconds = (performance.now() - t) / 1000;
  const history = (await api.status(id, '&showHistory=true')) as unknown as Timed;
  if (history.runtimeStatus !== 'Completed') throw new Error(`bench: fan-out ${id} ended ${history.runtimeStatus}`);
  const at = (type: string) =>
    history.historyEvents.filter((e) => e.EventType === type).map((e) => Date.parse(e.Timestamp));
  const started = Math.min(...at('ExecutionStarted'));
  const responses = at('TaskCompleted');
  const firstResponse = Math.min(...responses);
  const lastResponse = Math.max(...responses);
  const finished = Math.max(...at('ExecutionCompleted'));
  const seconds = (ms: number) => Math.max(0.001, ms / 1000);
  return {
    totalSeconds,
    fanOutSeconds: seconds(lastResponse - started),
    fanInSeconds: seconds(finished - firstResponse),
    tailSeconds: seconds(finished - lastResponse),
  };
}

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
    const fan = await fanOutAndIn(api, 'bench-fan', fanN);
    emit('fan-out activities', fanN / fan.fanOutSeconds, PROVIDER.fanOut, {
      activities: fanN,
      seconds: fan.fanOutSeconds,
    });
    // Responses waiting together are applied in one episode and share its history timestamp, so the history can no
    // longer time fan-in alone: the figure is over the whole run, start to completion — a lower bound.
    emit('fan-in responses', fanN / fan.totalSeconds, PROVIDER.fanIn, {
      responses: fanN,
      seconds: fan.totalSeconds,
      measuredOver: 'start to completion (lower bound)',
      afterLastResponseSeconds: fan.tailSeconds,
      totalSeconds: fan.totalSeconds,
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

    // Fan-in cost per response should not grow with the fan-in's size (a replay per batch over a growing history did).
    const sizes = [500, 2000, 8000].map((n) => n * scale);
    const series: { responses: number; seconds: number; msPerResponse: number }[] = [];
    for (const n of sizes) {
      const run = await fanOutAndIn(api, `bench-growth-${n}`, n);
      series.push({ responses: n, seconds: run.totalSeconds, msPerResponse: (1000 * run.totalSeconds) / n });
      console.log(
        JSON.stringify({
          bench: 'durable',
          metric: 'fan-in growth',
          responses: n,
          seconds: Number(run.totalSeconds.toFixed(3)),
          msPerResponse: Number(((1000 * run.totalSeconds) / n).toFixed(3)),
          measuredOver: 'start to completion',
          perSecond: Math.round(n / run.totalSeconds),
        }),
      );
    }
    const first = series[0]!;
    const last = series[series.length - 1]!;
    console.log(
      JSON.stringify({
        bench: 'durable',
        metric: 'fan-in growth summary',
        sizeRatio: last.responses / first.responses,
        timeRatio: Number((last.seconds / first.seconds).toFixed(1)),
        costPerResponseRatio: Number((last.msPerResponse / first.msPerResponse).toFixed(2)),
        linearWouldBe: 1,
      }),
    );
  } finally {
    await host.stop();
    await azurite.stop();
    rmSync(dir, { recursive: true, force: true });
    if (sink !== undefined) closeSync(sink);
  }
}
