import { ptuComparison } from './cost';

export interface SpendRecord {
  kind?: unknown;
  pipeline?: unknown;
  region?: unknown;
  deployment?: unknown;
  servedDeployment?: unknown;
  model?: unknown;
  costUsd?: unknown;
  paygEquivalentUsd?: unknown;
  tokensUsed?: { total?: number };
  outcome?: unknown;
  timestamp?: unknown;
  hedgeCostUsd?: unknown;
  attempts?: { hedge?: boolean }[];
}

/** What hedging added on one day for one pipeline: the hedges started and the attempts that lost the race. */
export interface HedgingLine {
  day: string;
  pipeline: string;
  calls: number;
  hedges: number;
  usd: number;
}

export interface SpendLine {
  key: string;
  calls: number;
  tokens: number;
  usd: number;
}

/** Spend by pipeline, region and deployment, and what the same usage would cost on PTU. */
export function summariseSpend(records: SpendRecord[], hours: number) {
  const calls = records.filter((r) => r.kind === 'model-call' && (r.outcome === 'ok' || r.outcome === 'probe'));
  const group = (field: 'pipeline' | 'region' | 'deployment'): SpendLine[] => {
    const lines = new Map<string, SpendLine>();
    for (const r of calls) {
      // Spend belongs to the deployment that answered, which a PTU spillover changes.
      const value = field === 'deployment' ? (r.servedDeployment ?? r.deployment) : r[field];
      const key = String(value ?? 'unknown');
      const line = lines.get(key) ?? { key, calls: 0, tokens: 0, usd: 0 };
      line.calls++;
      line.tokens += r.tokensUsed?.total ?? 0;
      line.usd += Number(r.costUsd ?? 0);
      lines.set(key, line);
    }
    return [...lines.values()].sort((a, b) => b.usd - a.usd);
  };
  const paygUsd = calls.reduce((s, r) => s + Number(r.paygEquivalentUsd ?? r.costUsd ?? 0), 0);
  const tokens = calls.reduce((s, r) => s + (r.tokensUsed?.total ?? 0), 0);
  return {
    totalUsd: calls.reduce((s, r) => s + Number(r.costUsd ?? 0), 0),
    byPipeline: group('pipeline'),
    byRegion: group('region'),
    byDeployment: group('deployment'),
    ptu: ptuComparison({ paygUsd, tokens, hours, model: 'gpt-4o' }),
    paygEquivalentUsd: paygUsd,
    hedging: hedgingByPipelineDay(records),
  };
}

/** Hedging spend per pipeline per day, over every call that hedged (a blocked or failed call's losers cost too). */
export function hedgingByPipelineDay(records: SpendRecord[]): HedgingLine[] {
  const lines = new Map<string, HedgingLine>();
  for (const r of records) {
    if (r.kind !== 'model-call') continue;
    const hedges = (r.attempts ?? []).filter((a) => a.hedge).length;
    if (hedges === 0) continue;
    const day = String(r.timestamp ?? '').slice(0, 10) || 'unknown';
    const pipeline = String(r.pipeline ?? 'unknown');
    const key = `${day} ${pipeline}`;
    const line = lines.get(key) ?? { day, pipeline, calls: 0, hedges: 0, usd: 0 };
    line.calls++;
    line.hedges += hedges;
    line.usd = Math.round((line.usd + Number(r.hedgeCostUsd ?? 0)) * 1e6) / 1e6;
    lines.set(key, line);
  }
  return [...lines.values()].sort((a, b) => a.day.localeCompare(b.day) || b.usd - a.usd);
}
