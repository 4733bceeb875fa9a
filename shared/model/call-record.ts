import type { ModelCallAttempt, ModelCallRecord } from '../audit/records';
import { sha256 } from '../storage/sha256';
import type { Usage } from './attempt';
import { callCost } from './cost';
import type { AttemptRun } from './hedged-route';
import type { ParsedModelCallRequest } from './request';

export { sha256 };

/** What one attempt is billed: its usage when it answered, its prompt when it was cut off, nothing when refused. */
export interface AttemptBill {
  tokens: Usage;
  costUsd: number;
  paygEquivalentUsd: number;
  billing: 'ptu' | 'payg';
}

/** The fields every model-call record starts from; the outcome's own fields are spread over it. */
export function baseRecord(request: ParsedModelCallRequest & { residency: string }, at: number): ModelCallRecord {
  return {
    kind: 'model-call',
    timestamp: new Date(at).toISOString(),
    requestId: request.requestId,
    userId: request.userId,
    ipAddress: request.ipAddress,
    model: request.model,
    deployment: request.deployment,
    tokensUsed: { prompt: 0, completion: 0, total: 0 },
    region: '',
    dataClassification: request.dataClassification,
    pipeline: request.pipeline,
    instanceId: request.instanceId,
    endpoint: '',
    attempts: [],
    latencyMs: 0,
    safety: {},
    costUsd: 0,
    promptSha256: sha256(JSON.stringify(request.messages)),
    outcome: 'failed',
    residencyPolicy: request.residency,
  };
}

/**
 * Prices one attempt. A cut-off attempt (a hedge's loser) is billed its prompt tokens, because the region had read
 * the prompt before the cancel reached it: the count an answered attempt of the same call reported (the same
 * messages to the same model), else GPT-4o's chat tokenizer.
 */
export async function billAttempt(
  run: AttemptRun,
  request: ParsedModelCallRequest,
  reportedPromptTokens?: number,
): Promise<AttemptBill> {
  const { result, endpoint } = run;
  const billing = result.kind === 'ok' && result.spillover ? 'payg' : endpoint.kind;
  let tokens: Usage = { prompt: 0, completion: 0 };
  if (result.kind === 'ok' || result.kind === 'blocked-output') tokens = result.usage;
  else if (result.kind === 'aborted')
    tokens = { prompt: reportedPromptTokens ?? (await promptTokens(request)), completion: 0 };
  const cost = callCost(request.model, endpoint.region, tokens.prompt, tokens.completion, billing);
  return { tokens, ...cost, billing };
}

/** The record's bill: every attempt's, and the share of it that hedging added (the attempts that lost a race). */
export function totalBill(runs: AttemptRun[], bills: AttemptBill[], decisive?: AttemptRun) {
  const sum = (pick: (b: AttemptBill) => number, only = (_: AttemptRun) => true) =>
    round(bills.reduce((s, b, i) => (only(runs[i]!) ? s + pick(b) : s), 0));
  const prompt = sum((b) => b.tokens.prompt);
  const completion = sum((b) => b.tokens.completion);
  const hedged = runs.some((r) => r.hedge);
  return {
    tokensUsed: { prompt, completion, total: prompt + completion },
    costUsd: sum((b) => b.costUsd),
    paygEquivalentUsd: sum((b) => b.paygEquivalentUsd),
    hedgeCostUsd: hedged
      ? sum(
          (b) => b.costUsd,
          (r) => r !== decisive,
        )
      : undefined,
  };
}

/** The audit view of each attempt, with what a hedge's loser was billed. */
export function attemptEntries(runs: AttemptRun[], bills: AttemptBill[], decisive?: AttemptRun): ModelCallAttempt[] {
  return runs.map((run, i) => {
    const entry: ModelCallAttempt = {
      endpoint: run.endpoint.name,
      region: run.endpoint.region,
      ...outcomeOf(run),
      latencyMs: run.latencyMs,
    };
    if (run.hedge) entry.hedge = true;
    const bill = bills[i];
    if (run !== decisive && bill && bill.tokens.prompt + bill.tokens.completion > 0) {
      entry.billedTokens = bill.tokens.prompt + bill.tokens.completion;
      entry.costUsd = bill.costUsd;
    }
    return entry;
  });
}

function outcomeOf({ result }: AttemptRun): Pick<ModelCallAttempt, 'outcome' | 'status'> {
  switch (result.kind) {
    case 'ok':
      return { outcome: 'ok', status: 200 };
    case 'throttled':
      return { outcome: 'throttled', status: 429 };
    case 'retry':
      return { outcome: result.outcome, status: result.status };
    case 'blocked-input':
      return { outcome: 'content-filter', status: 400 };
    case 'blocked-output':
      return { outcome: 'content-filter', status: 200 };
    case 'fatal':
      return { outcome: 'client-error', status: result.status };
    case 'aborted':
      return { outcome: 'aborted' };
  }
}

interface ChatTokenizer {
  countTokens(chat: Iterable<{ role: string; content: string }>): number;
}

/** The tokenizer takes about a second to load, so only a call that needs it (a hedge no attempt answered) loads it. */
async function promptTokens(request: ParsedModelCallRequest): Promise<number> {
  const tokenizer = (await import('gpt-tokenizer/model/gpt-4o')) as unknown as ChatTokenizer;
  return tokenizer.countTokens(request.messages);
}

/** The prompt tokens an answered attempt of the call reported, if any did. */
export function reportedPromptTokens(runs: AttemptRun[]): number | undefined {
  for (const { result } of runs)
    if (result.kind === 'ok' || result.kind === 'blocked-output') return result.usage.prompt;
  return undefined;
}

const round = (n: number) => Math.round(n * 1e6) / 1e6;
