import { createHash } from 'node:crypto';
import { APIConnectionTimeoutError, APIError, type AzureOpenAI } from 'openai';
import type { AuditSink, ModelCallAttempt, ModelCallRecord, SafetyVerdict } from '../audit/records';
import { NonRetryableError } from '../errors';
import { callCost } from './cost';
import type { ModelEndpoint } from './endpoints';
import { ContentBlockedError, ModelUnavailableError } from './errors';
import type { HealthRegistry } from './health-registry';
import { regionFromDisplayName } from './regions';
import {
  type ModelCallRequest,
  type ModelCallResult,
  modelCallRequestSchema,
  type ParsedModelCallRequest,
} from './request';
import {
  allowedEndpoints,
  parseResidency,
  ResidencyIncidentError,
  ResidencyUnavailableError,
  regionAllowed,
} from './residency';
import { routeOrder } from './routing';
import type { SafetyAnalyser } from './safety/analyser';
import { AZURE_KEYS, CATEGORIES, SEVERITY_OF_LABEL, type Severities } from './safety/categories';
import { judge, policyFor, type Verdict } from './safety/policy';

export interface GatewayDeps {
  endpoints: ModelEndpoint[];
  health: HealthRegistry;
  safety: SafetyAnalyser;
  audit: AuditSink;
  client: (endpoint: ModelEndpoint) => AzureOpenAI;
  now?: () => number;
  random?: () => number;
  /** Whole-call deadline across attempts. */
  deadlineMs?: number;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

type AttemptResult =
  | {
      kind: 'ok';
      content: string;
      finishReason: string;
      region: string;
      usage: { prompt: number; completion: number };
      filter?: Severities;
    }
  | { kind: 'throttled'; retryAfterMs: number }
  | { kind: 'retry'; outcome: ModelCallAttempt['outcome']; status?: number; message: string }
  | { kind: 'blocked-input'; severities: Severities }
  | { kind: 'blocked-output'; severities: Severities }
  | { kind: 'fatal'; status?: number; message: string };

/** The one model gateway: residency, input safety, routing with failover, the call, output safety, audit and cost. */
export class ModelGateway {
  readonly #now: () => number;
  readonly #random: () => number;
  readonly #clients = new Map<string, AzureOpenAI>();

  constructor(private readonly deps: GatewayDeps) {
    this.#now = deps.now ?? Date.now;
    this.#random = deps.random ?? Math.random;
  }

  #client(endpoint: ModelEndpoint): AzureOpenAI {
    let client = this.#clients.get(endpoint.name);
    if (!client) {
      client = this.deps.client(endpoint);
      this.#clients.set(endpoint.name, client);
    }
    return client;
  }

  async call(input: ModelCallRequest): Promise<ModelCallResult> {
    const request = modelCallRequestSchema.parse(input);
    const policy = parseResidency(request.residency);
    const started = this.#now();
    const promptText = JSON.stringify(request.messages);
    const base = this.#record(request, promptText);

    const inputVerdict = judge(
      await this.deps.safety.analyse(request.messages.map((m) => m.content).join('\n'), request.safetyContext),
      policyFor(request.pipeline),
    );
    if (inputVerdict.decision === 'block') {
      await this.deps.audit.append({
        ...base,
        outcome: 'blocked',
        safety: { input: inputVerdict },
        latencyMs: this.#now() - started,
      });
      throw blocked('input', inputVerdict);
    }

    const candidates = allowedEndpoints(this.deps.endpoints, policy).filter((e) => e.deployments[request.deployment]);
    if (candidates.length === 0) {
      await this.deps.audit.append({ ...base, outcome: 'residency-unavailable', safety: { input: inputVerdict } });
      throw new ResidencyUnavailableError(
        request.residency,
        `no endpoint in the policy has a deployment for "${request.deployment}"`,
      );
    }

    await this.deps.health.refresh();
    const deadline = started + (this.deps.deadlineMs ?? 60_000);
    const attempts: ModelCallAttempt[] = [];
    const tried = new Set<string>();
    let soonestRetry = Number.POSITIVE_INFINITY;
    for (const endpoint of routeOrder(candidates, this.#random)) {
      if (this.#now() >= deadline) break;
      if (tried.has(endpoint.name) || !this.deps.health.admit(endpoint.name)) continue;
      tried.add(endpoint.name);
      const attemptStart = this.#now();
      const result = await this.#attempt(endpoint, request);
      const latencyMs = this.#now() - attemptStart;
      const deployment = endpoint.deployments[request.deployment]!;
      if (result.kind === 'ok') {
        this.deps.health.record(endpoint.name, { ok: true, latencyMs });
        attempts.push({ endpoint: endpoint.name, region: endpoint.region, outcome: 'ok', status: 200, latencyMs });
        if (!regionAllowed(policy, result.region)) {
          await this.deps.audit.append({
            ...base,
            outcome: 'residency-incident',
            endpoint: endpoint.name,
            region: result.region,
            attempts,
            latencyMs: this.#now() - started,
            safety: { input: inputVerdict },
          });
          throw new ResidencyIncidentError(
            `endpoint ${endpoint.name} answered from ${result.region}, outside "${request.residency}"; the result was withheld`,
          );
        }
        const outputVerdict = judge(
          maxSeverities(await this.deps.safety.analyse(result.content, request.safetyContext), result.filter),
          policyFor(request.pipeline),
        );
        const cost = callCost(
          request.model,
          endpoint.region,
          result.usage.prompt,
          result.usage.completion,
          endpoint.kind,
        );
        const tokens = {
          prompt: result.usage.prompt,
          completion: result.usage.completion,
          total: result.usage.prompt + result.usage.completion,
        };
        const record: ModelCallRecord = {
          ...base,
          endpoint: endpoint.name,
          region: result.region,
          deployment,
          attempts,
          tokensUsed: tokens,
          latencyMs: this.#now() - started,
          costUsd: cost.costUsd,
          paygEquivalentUsd: cost.paygEquivalentUsd,
          billing: endpoint.kind,
          completionSha256: sha256(result.content),
          safety: { input: inputVerdict, output: outputVerdict },
          outcome: outputVerdict.decision === 'block' ? 'blocked' : 'ok',
        };
        await this.deps.audit.append(record);
        if (outputVerdict.decision === 'block') throw blocked('output', outputVerdict);
        return {
          content: result.content,
          json:
            request.responseFormat && request.responseFormat.type !== 'text' ? parseJson(result.content) : undefined,
          endpoint: endpoint.name,
          region: result.region,
          deployment,
          tokens,
          latencyMs: record.latencyMs,
          attempts: attempts.length,
          costUsd: cost.costUsd,
          finishReason: result.finishReason,
          safety: { input: inputVerdict, output: outputVerdict },
        };
      }
      if (result.kind === 'throttled') {
        // PTU at capacity spills over; pay-as-you-go cools for retry-after. Neither counts against health.
        this.deps.health.cool(endpoint.name, result.retryAfterMs);
        soonestRetry = Math.min(soonestRetry, result.retryAfterMs);
        attempts.push({
          endpoint: endpoint.name,
          region: endpoint.region,
          outcome: 'throttled',
          status: 429,
          latencyMs,
        });
        continue;
      }
      if (result.kind === 'retry') {
        this.deps.health.record(endpoint.name, { ok: false, latencyMs });
        attempts.push({
          endpoint: endpoint.name,
          region: endpoint.region,
          outcome: result.outcome,
          status: result.status,
          latencyMs,
        });
        continue;
      }
      if (result.kind === 'blocked-input' || result.kind === 'blocked-output') {
        const verdict = judge(result.severities, { ...policyFor(request.pipeline) });
        attempts.push({
          endpoint: endpoint.name,
          region: endpoint.region,
          outcome: 'content-filter',
          status: result.kind === 'blocked-input' ? 400 : 200,
          latencyMs,
        });
        await this.deps.audit.append({
          ...base,
          endpoint: endpoint.name,
          region: endpoint.region,
          attempts,
          outcome: 'blocked',
          latencyMs: this.#now() - started,
          safety: result.kind === 'blocked-input' ? { input: verdict } : { input: inputVerdict, output: verdict },
        });
        throw new ContentBlockedError(
          result.kind === 'blocked-input' ? 'input' : 'output',
          azureFlagged(result.severities),
        );
      }
      attempts.push({
        endpoint: endpoint.name,
        region: endpoint.region,
        outcome: 'client-error',
        status: result.status,
        latencyMs,
      });
      await this.deps.audit.append({
        ...base,
        endpoint: endpoint.name,
        region: endpoint.region,
        attempts,
        outcome: 'failed',
        latencyMs: this.#now() - started,
        safety: { input: inputVerdict },
      });
      throw new NonRetryableError(
        `model endpoint ${endpoint.name} refused the request (${result.status ?? 'no status'}): ${result.message}`,
      );
    }
    // Nothing allowed is healthy any more (every circuit open, none merely cooling): a residency matter, not a retry.
    const noneHealthy =
      attempts.every((a) => a.outcome !== 'throttled') &&
      candidates.every((c) => this.deps.health.get(c.name).breaker !== 'closed');
    const outcome = attempts.length === 0 || noneHealthy ? 'residency-unavailable' : 'failed';
    await this.deps.audit.append({
      ...base,
      attempts,
      outcome,
      latencyMs: this.#now() - started,
      safety: { input: inputVerdict },
    });
    if (outcome === 'residency-unavailable') {
      throw new ResidencyUnavailableError(
        request.residency,
        `all of ${candidates.map((c) => c.name).join(', ')} are out of rotation (unhealthy or cooling down)`,
      );
    }
    throw new ModelUnavailableError(
      `every endpoint allowed by "${request.residency}" failed: ${attempts.map((a) => `${a.endpoint} ${a.outcome}${a.status ? ` ${a.status}` : ''}`).join(', ')}`,
      Number.isFinite(soonestRetry) ? soonestRetry : undefined,
    );
  }

  async #attempt(endpoint: ModelEndpoint, request: ParsedModelCallRequest): Promise<AttemptResult> {
    try {
      const { data, response } = await this.#client(endpoint)
        .chat.completions.create({
          model: endpoint.deployments[request.deployment]!,
          messages: request.messages,
          response_format: request.responseFormat as never,
          max_tokens: request.maxTokens,
          temperature: request.temperature,
        })
        .withResponse();
      const choice = data.choices[0];
      const filterResults = (
        choice as unknown as { content_filter_results?: Record<string, { severity?: string; filtered?: boolean }> }
      )?.content_filter_results;
      const filter = filterResults ? fromAnnotations(filterResults) : undefined;
      if (choice?.finish_reason === 'content_filter') return { kind: 'blocked-output', severities: filter ?? maxOut() };
      const servedBy = response.headers.get('x-ms-region');
      return {
        kind: 'ok',
        content: choice?.message?.content ?? '',
        finishReason: choice?.finish_reason ?? 'stop',
        region: (servedBy && regionFromDisplayName(servedBy)) ?? (servedBy ? `unknown:${servedBy}` : endpoint.region),
        usage: { prompt: data.usage?.prompt_tokens ?? 0, completion: data.usage?.completion_tokens ?? 0 },
        filter,
      };
    } catch (error) {
      if (error instanceof APIConnectionTimeoutError)
        return { kind: 'retry', outcome: 'timeout', message: 'attempt timed out' };
      if (error instanceof APIError && error.status !== undefined) {
        const status = error.status;
        if (status === 429) return { kind: 'throttled', retryAfterMs: retryAfterMs(error.headers) };
        if (status >= 500) return { kind: 'retry', outcome: 'server-error', status, message: error.message };
        const body = error.error as
          | {
              code?: string;
              innererror?: { content_filter_result?: Record<string, { severity?: string; filtered?: boolean }> };
            }
          | undefined;
        if (status === 400 && body?.code === 'content_filter') {
          return { kind: 'blocked-input', severities: fromAnnotations(body.innererror?.content_filter_result ?? {}) };
        }
        return { kind: 'fatal', status, message: error.message };
      }
      return { kind: 'retry', outcome: 'network-error', message: (error as Error).message };
    }
  }

  /** A health probe: the cheapest real call (max_tokens 1), its outcome fed to health and audited with its cost. */
  async probe(endpoint: ModelEndpoint): Promise<{ ok: boolean; latencyMs: number; status?: number }> {
    const started = this.#now();
    const logical = endpoint.deployments.chat ? 'chat' : Object.keys(endpoint.deployments)[0]!;
    const request = modelCallRequestSchema.parse({
      pipeline: 'health-probe',
      deployment: logical,
      messages: [{ role: 'user', content: 'ping' }],
      maxTokens: 1,
      dataClassification: 'public',
      residency: 'global',
      userId: 'system:health-probe',
      requestId: `probe-${endpoint.name}-${started}`,
    });
    const result = await this.#attempt(endpoint, request);
    const latencyMs = this.#now() - started;
    const ok = result.kind === 'ok';
    if (result.kind === 'throttled') this.deps.health.cool(endpoint.name, result.retryAfterMs);
    else this.deps.health.record(endpoint.name, { ok, latencyMs });
    const usage = result.kind === 'ok' ? result.usage : { prompt: 0, completion: 0 };
    const cost = callCost(request.model, endpoint.region, usage.prompt, usage.completion, endpoint.kind);
    await this.deps.audit.append({
      ...this.#record(request, JSON.stringify(request.messages)),
      endpoint: endpoint.name,
      region: endpoint.region,
      deployment: endpoint.deployments[logical]!,
      tokensUsed: { ...usage, total: usage.prompt + usage.completion },
      attempts: [
        {
          endpoint: endpoint.name,
          region: endpoint.region,
          outcome: ok ? 'ok' : result.kind === 'throttled' ? 'throttled' : 'server-error',
          latencyMs,
        },
      ],
      latencyMs,
      costUsd: cost.costUsd,
      outcome: 'probe',
    });
    return { ok, latencyMs, status: result.kind === 'fatal' || result.kind === 'retry' ? result.status : undefined };
  }

  #record(request: ParsedModelCallRequest, promptText: string): ModelCallRecord {
    return {
      kind: 'model-call',
      timestamp: new Date(this.#now()).toISOString(),
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
      promptSha256: sha256(promptText),
      outcome: 'failed',
      residencyPolicy: request.residency,
    };
  }
}

function retryAfterMs(headers: Headers | undefined): number {
  const ms = Number(headers?.get('retry-after-ms'));
  if (Number.isFinite(ms) && ms > 0) return ms;
  const seconds = Number(headers?.get('retry-after'));
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 1000;
}

function fromAnnotations(results: Record<string, { severity?: string; filtered?: boolean }>): Severities {
  const severities = { hate: 0, sexual: 0, violence: 0, selfHarm: 0, illegalActivity: 0 };
  for (const category of CATEGORIES) {
    const key = AZURE_KEYS[category];
    const label = key ? results[key]?.severity : undefined;
    if (label) severities[category] = SEVERITY_OF_LABEL[label] ?? 0;
  }
  return severities;
}

const maxOut = (): Severities => ({ hate: 6, sexual: 6, violence: 6, selfHarm: 6, illegalActivity: 0 });

function maxSeverities(a: Severities, b: Severities | undefined): Severities {
  if (!b) return a;
  return Object.fromEntries(CATEGORIES.map((c) => [c, Math.max(a[c], b[c])])) as Severities;
}

function azureFlagged(severities: Severities) {
  return CATEGORIES.filter((c) => severities[c] >= 4).map((c) => ({ category: c, severity: severities[c] }));
}

function blocked(stage: 'input' | 'output', verdict: Verdict): ContentBlockedError {
  return new ContentBlockedError(
    stage,
    verdict.flagged.map((c) => ({ category: c, severity: verdict.severities[c] })),
  );
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new NonRetryableError('the model was asked for JSON but answered text that does not parse as JSON');
  }
}

export type { SafetyVerdict };
