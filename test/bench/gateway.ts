import { openAiClient } from '../../shared/model/client';
import { chat, endpointsOf, gatewayFor, localModelServer } from '../support/model';

const pct = (values: number[], p: number) => {
  const s = [...values].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)]! * 10) / 10;
};

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; ok: boolean }> {
  const t = performance.now();
  try {
    await fn();
    return { ms: performance.now() - t, ok: true };
  } catch {
    return { ms: performance.now() - t, ok: false };
  }
}

async function pool(n: number, concurrency: number, job: (i: number) => Promise<{ ms: number; ok: boolean }>) {
  const results: { ms: number; ok: boolean }[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) results.push(await job(next++));
    }),
  );
  return results;
}

/** Gateway overhead against a direct call, and failover against the naive client loop, on the local model server. */
export async function run(args: string[]): Promise<void> {
  const calls = Number(args[0] ?? 300);
  const server = await localModelServer();
  try {
    const endpoints = endpointsOf(server);
    const westeurope = endpoints.find((e) => e.name === 'westeurope')!;
    const direct = openAiClient(westeurope, { apiKey: server.apiKey }, 10_000);
    const { gateway } = gatewayFor(server);
    for (let i = 0; i < 20; i++) await gateway.call(chat(`warm ${i}`, { residency: 'single-region:westeurope' }));
    const directTimes: number[] = [];
    const gatewayTimes: number[] = [];
    for (let i = 0; i < calls; i++) {
      directTimes.push(
        (
          await timed(() =>
            direct.chat.completions.create({ model: 'chat', messages: [{ role: 'user', content: `note ${i}` }] }),
          )
        ).ms,
      );
      gatewayTimes.push(
        (await timed(() => gateway.call(chat(`note ${i}`, { residency: 'single-region:westeurope' })))).ms,
      );
    }
    console.log(
      JSON.stringify({
        bench: 'gateway',
        metric: 'overhead',
        calls,
        gatewayP50Ms: pct(gatewayTimes, 0.5),
        gatewayP99Ms: pct(gatewayTimes, 0.99),
        directP50Ms: pct(directTimes, 0.5),
        directP99Ms: pct(directTimes, 0.99),
        overheadP50Ms: Math.round((pct(gatewayTimes, 0.5) - pct(directTimes, 0.5)) * 10) / 10,
      }),
    );

    // Primary outage: eastus hangs. Attempt timeout scaled to 1 s (instead of 10 s) for both sides so the run is short.
    const timeoutMs = 1000;
    const outageCalls = 60;
    server.setFault('eastus', { hang: true });
    const payg = endpoints.filter((e) => e.kind === 'payg');
    const failover = gatewayFor(server, { endpoints: payg, attemptTimeoutMs: timeoutMs, random: () => 0 }).gateway;
    const ours = await pool(outageCalls, 10, (i) => timed(() => failover.call(chat(`outage ${i}`))));
    const primary = openAiClient(payg.find((e) => e.name === 'eastus')!, { apiKey: server.apiKey }, timeoutMs);
    const secondary = openAiClient(payg.find((e) => e.name === 'westeurope')!, { apiKey: server.apiKey }, timeoutMs);
    const naive = await pool(outageCalls, 10, (i) =>
      timed(async () => {
        const body = { model: 'chat', messages: [{ role: 'user' as const, content: `outage ${i}` }] };
        try {
          return await primary.chat.completions.create(body);
        } catch {
          await new Promise((r) => setTimeout(r, 500));
          return secondary.chat.completions.create(body);
        }
      }),
    );
    const summary = (r: { ms: number; ok: boolean }[]) => ({
      meanMs: Math.round(r.reduce((s, x) => s + x.ms, 0) / r.length),
      p99Ms: Math.round(
        pct(
          r.map((x) => x.ms),
          0.99,
        ),
      ),
      failed: r.filter((x) => !x.ok).length,
    });
    console.log(
      JSON.stringify({
        bench: 'gateway',
        metric: 'primary outage',
        calls: outageCalls,
        concurrency: 10,
        attemptTimeoutMs: timeoutMs,
        gateway: summary(ours),
        naiveLoop: summary(naive),
      }),
    );
  } finally {
    await server.stop();
  }
}
