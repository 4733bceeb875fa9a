import { seeded } from '../../local/model/faults';
import type { RunningModelServer } from '../../local/model/server';
import type { ModelCallRecord } from '../../shared/audit/records';
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

    for (const attemptTimeoutMs of [1_000, 10_000]) await primaryHanging(server, attemptTimeoutMs);
  } finally {
    await server.stop();
  }
}

const summary = (r: { ms: number; ok: boolean }[]) => ({
  meanMs: Math.round(r.reduce((s, x) => s + x.ms, 0) / r.length),
  p50Ms: Math.round(
    pct(
      r.map((x) => x.ms),
      0.5,
    ),
  ),
  p99Ms: Math.round(
    pct(
      r.map((x) => x.ms),
      0.99,
    ),
  ),
  failed: r.filter((x) => !x.ok).length,
});

/**
 * Steady state with healthy regions, then the primary (eastus) hanging, on one gateway as in production (its hedge
 * budget counts the steady traffic); the naive "try primary, sleep 0.5 s, try secondary" loop with the same attempt
 * timeout in the same run.
 */
async function primaryHanging(server: RunningModelServer, attemptTimeoutMs: number): Promise<void> {
  const steadyCalls = 600;
  const outageCalls = 60;
  const concurrency = 10;
  server.clearFaults();
  const payg = endpointsOf(server).filter((e) => e.kind === 'payg');
  // Steady traffic at the 60/40 weights (so both regions' connections are warm, as in production); during the outage
  // every call draws the primary first, the worst case.
  let draw = seeded(1);
  const { gateway, audit } = gatewayFor(server, { endpoints: payg, attemptTimeoutMs, random: () => draw() });
  const hedges = (from: number) =>
    audit.records.slice(from).filter((r) => (r as ModelCallRecord).attempts.some((a) => a.hedge)).length;
  const steady = await pool(steadyCalls, concurrency, (i) => timed(() => gateway.call(chat(`steady ${i}`))));
  const steadyHedges = hedges(0);
  console.log(
    JSON.stringify({
      bench: 'gateway',
      metric: 'steady state, healthy regions',
      calls: steadyCalls,
      concurrency,
      attemptTimeoutMs,
      ...summary(steady),
      hedged: steadyHedges,
      hedgeRatePct: Math.round((steadyHedges / steadyCalls) * 10_000) / 100,
    }),
  );
  server.setFault('eastus', { hang: true });
  draw = () => 0;
  const before = audit.records.length;
  const ours = await pool(outageCalls, concurrency, (i) => timed(() => gateway.call(chat(`outage ${i}`))));
  const oursHedges = hedges(before);
  const budget = gateway.hedgeBudget.usage();
  const primary = openAiClient(payg.find((e) => e.name === 'eastus')!, { apiKey: server.apiKey }, attemptTimeoutMs);
  const secondary = openAiClient(
    payg.find((e) => e.name === 'westeurope')!,
    { apiKey: server.apiKey },
    attemptTimeoutMs,
  );
  const naive = await pool(outageCalls, concurrency, (i) =>
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
  server.clearFaults();
  const gatewaySummary = summary(ours);
  const naiveSummary = summary(naive);
  console.log(
    JSON.stringify({
      bench: 'gateway',
      metric: 'primary hanging',
      calls: outageCalls,
      concurrency,
      attemptTimeoutMs,
      latencySloMs: 500,
      gateway: { ...gatewaySummary, hedged: oursHedges, hedgeBudgetWindow: budget },
      naiveLoop: naiveSummary,
      p99VsNaive: Math.round((gatewaySummary.p99Ms / naiveSummary.p99Ms) * 1000) / 1000,
    }),
  );
}
