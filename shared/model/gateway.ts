import { createHash } from 'node:crypto';
import type { OpenAI } from 'openai';
import type { AuditSink, ModelCallAttempt, ModelCallRecord, SafetyVerdict } from '../audit/records';
import { NonRetryableError } from '../errors';
import { attemptCompletion } from './attempt';
import { callCost } from './cost';
import type { ModelEndpoint } from './endpoints';
import { ContentBlockedError, ModelUnavailableError } from './errors';
import type { HealthRegistry } from './health-registry';
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
import { azureBlock, maxSeverities } from './safety/azure-annotations';
import type { Severities } from './safety/categories';
import { judge, policyFor, type Verdict } from './safety/policy';

export interface GatewayDeps {
  endpoints: ModelEndpoint[];
  health: HealthRegistry;
  safety: SafetyAnalyser;
  audit: AuditSink;
  client: (endpoint: ModelEndpoint) => OpenAI;
  now?: () => number;
  random?: () => number;
  /** Whole-call deadline across attempts. */
  deadlineMs?: number;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The one model gateway: residency, input safety, routing with failover, the call, output safety, audit and cost. */
export class ModelGateway {
  readonly #now: () => number;
  readonly #random: () => number;
  readonly #clients = new Map<string, OpenAI>();

  constructor(private readonly deps: GatewayDeps) {
    this.#now = deps.now ?? Date.now;
    this.#random = deps.random ?? Math.random;
  }

  #client(endpoint: ModelEndpoint): OpenAI {
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
      const result = await attemptCompletion(this.#client(endpoint), endpoint, request);
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
        const safetyPolicy = policyFor(request.pipeline);
        // Azure's labels know nothing of clinical or legal context, so there they can warn but not block on their
        // own (Azure still blocks by itself: 400, finish_reason content_filter); elsewhere they count in full.
        const withAzure = (ours: Verdict, azure: Severities | undefined): Verdict => {
          if (!azure) return ours;
          const combined = judge(maxSeverities(ours.severities, azure), safetyPolicy);
          const contextual = request.safetyContext?.clinical || request.safetyContext?.legal;
          return contextual && combined.decision === 'block' && ours.decision !== 'block'
            ? { ...combined, decision: 'warn' }
            : combined;
        };
        const promptVerdict = withAzure(inputVerdict, result.promptFilter?.severities);
        const outputVerdict = withAzure(
          judge(await this.deps.safety.analyse(result.content, request.safetyContext), safetyPolicy),
          result.filter?.severities,
        );
        // A native spillover was answered by the standard deployment and is billed per token.
        const billing = result.spillover ? 'payg' : endpoint.kind;
        const servedDeployment = result.spillover?.servedBy ?? deployment;
        const cost = callCost(request.model, endpoint.region, result.usage.prompt, result.usage.completion, billing);
        const tokens = {
          prompt: result.usage.prompt,
          completion: result.usage.completion,
          total: result.usage.prompt + result.usage.completion,
        };
        const refused =
          promptVerdict.decision === 'block' ? 'input' : outputVerdict.decision === 'block' ? 'output' : undefined;
        const record: ModelCallRecord = {
          ...base,
          endpoint: endpoint.name,
          region: result.region,
          deployment,
          servedDeployment,
          spilloverFrom: result.spillover?.from,
          attempts,
          tokensUsed: tokens,
          latencyMs: this.#now() - started,
          costUsd: cost.costUsd,
          paygEquivalentUsd: cost.paygEquivalentUsd,
          billing,
          completionSha256: sha256(result.content),
          safety: { input: promptVerdict, output: outputVerdict },
          outcome: refused ? 'blocked' : 'ok',
        };
        await this.deps.audit.append(record);
        if (refused) throw blocked(refused, refused === 'input' ? promptVerdict : outputVerdict);
        return {
          content: result.content,
          json:
            request.responseFormat && request.responseFormat.type !== 'text' ? parseJson(result.content) : undefined,
          endpoint: endpoint.name,
          region: result.region,
          deployment,
          servedDeployment,
          tokens,
          latencyMs: record.latencyMs,
          attempts: attempts.length,
          costUsd: cost.costUsd,
          finishReason: result.finishReason,
          safety: { input: promptVerdict, output: outputVerdict },
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
        const verdict = azureBlock(result.annotations);
        const stage = result.kind === 'blocked-input' ? 'input' : 'output';
        attempts.push({
          endpoint: endpoint.name,
          region: endpoint.region,
          outcome: 'content-filter',
          status: stage === 'input' ? 400 : 200,
          latencyMs,
        });
        const usage = result.kind === 'blocked-output' ? result.usage : { prompt: 0, completion: 0 };
        const cost = callCost(request.model, endpoint.region, usage.prompt, usage.completion, endpoint.kind);
        await this.deps.audit.append({
          ...base,
          endpoint: endpoint.name,
          region: endpoint.region,
          attempts,
          outcome: 'blocked',
          tokensUsed: { ...usage, total: usage.prompt + usage.completion },
          costUsd: cost.costUsd,
          latencyMs: this.#now() - started,
          safety: stage === 'input' ? { input: verdict } : { input: inputVerdict, output: verdict },
        });
        throw blocked(stage, verdict);
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
        Math.max(1_000, Math.min(...candidates.map((c) => this.deps.health.readmitInMs(c.name)))),
      );
    }
    throw new ModelUnavailableError(
      `every endpoint allowed by "${request.residency}" failed: ${attempts.map((a) => `${a.endpoint} ${a.outcome}${a.status ? ` ${a.status}` : ''}`).join(', ')}`,
      Number.isFinite(soonestRetry) ? soonestRetry : undefined,
    );
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
    const result = await attemptCompletion(this.#client(endpoint), endpoint, request);
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
