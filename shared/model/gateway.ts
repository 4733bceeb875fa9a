import type { OpenAI } from 'openai';
import type { AuditSink, ModelCallRecord, SafetyVerdict } from '../audit/records';
import { attemptCompletion } from './attempt';
import { answered, type CallContext, exhausted, refused } from './call-outcome';
import { baseRecord } from './call-record';
import { callCost } from './cost';
import type { ModelEndpoint } from './endpoints';
import type { HealthRegistry } from './health-registry';
import { HedgeBudget } from './hedge-budget';
import { routeCall } from './hedged-route';
import {
  type BoundModelCallRequest,
  type ModelCallRequest,
  type ModelCallResult,
  modelCallRequestSchema,
} from './request';
import { allowedEndpoints, parseResidency, ResidencyUnavailableError } from './residency';
import { bindResidency, isPolicy, type ResidencyBindings, ResidencyRequestError } from './residency-binding';
import { routeOrder } from './routing';
import type { SafetyAnalyser } from './safety/analyser';
import { blockedError, judge, policyFor } from './safety/policy';

export interface GatewayDeps {
  endpoints: ModelEndpoint[];
  health: HealthRegistry;
  safety: SafetyAnalyser;
  audit: AuditSink;
  client: (endpoint: ModelEndpoint) => OpenAI;
  /** Each configured pipeline's data class and residency policy; requests may narrow it, never widen it. */
  residency: ResidencyBindings;
  /** How long an attempt may go unanswered before the next endpoint is asked too (an endpoint's own SLO wins). */
  latencySloMs?: number;
  /** Caps the extra calls hedging makes; one per gateway. */
  hedgeBudget?: HedgeBudget;
  now?: () => number;
  random?: () => number;
  /** Whole-call deadline across attempts. */
  deadlineMs?: number;
}

export const DEFAULT_LATENCY_SLO_MS = 500;

/** The one model gateway: residency, input safety, hedged routing with failover, output safety, audit and cost. */
export class ModelGateway {
  readonly #now: () => number;
  readonly #random: () => number;
  readonly #clients = new Map<string, OpenAI>();
  readonly hedgeBudget: HedgeBudget;

  constructor(private readonly deps: GatewayDeps) {
    this.#now = deps.now ?? Date.now;
    this.#random = deps.random ?? Math.random;
    this.hedgeBudget = deps.hedgeBudget ?? new HedgeBudget(undefined, this.#now);
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
    const started = this.#now();
    const request = await this.#bind(modelCallRequestSchema.parse(input), started);
    const policy = parseResidency(request.residency);
    const base = baseRecord(request, started);
    const safetyPolicy = policyFor(request.pipeline);
    const text = request.messages.map((m) => m.content).join('\n');
    const inputVerdict = judge(await this.deps.safety.analyse(text, request.safetyContext), safetyPolicy);
    const candidates = allowedEndpoints(this.deps.endpoints, policy).filter((e) => e.deployments[request.deployment]);
    const ctx: CallContext = {
      request,
      policy,
      inputVerdict,
      candidates,
      audit: async (fields) => {
        const record = { ...base, latencyMs: this.#now() - started, safety: { input: inputVerdict }, ...fields };
        await this.deps.audit.append(record);
        return record;
      },
    };
    if (inputVerdict.decision === 'block') {
      await ctx.audit({ outcome: 'blocked' });
      throw blockedError('input', inputVerdict);
    }
    if (candidates.length === 0) {
      await ctx.audit({ outcome: 'residency-unavailable', latencyMs: 0 });
      throw new ResidencyUnavailableError(
        request.residency,
        `no endpoint in the policy has a deployment for "${request.deployment}"`,
      );
    }
    await this.deps.health.refresh();
    this.hedgeBudget.call();
    const route = await routeCall(routeOrder(candidates, this.#random), {
      health: this.deps.health,
      budget: this.hedgeBudget,
      now: this.#now,
      deadline: started + (this.deps.deadlineMs ?? 60_000),
      sloMs: (e) => e.latencySloMs ?? this.deps.latencySloMs ?? DEFAULT_LATENCY_SLO_MS,
      attempt: (e, signal) => attemptCompletion(this.#client(e), e, request, signal),
    });
    if (route.kind === 'answered') return answered(ctx, route, this.deps.safety);
    if (route.kind === 'refused') return refused(ctx, route);
    return exhausted(ctx, route, this.deps.health);
  }

  /** The request under the residency its pipeline allows; a request that asks for more is audited and refused. */
  async #bind(
    request: ReturnType<typeof modelCallRequestSchema.parse>,
    started: number,
  ): Promise<BoundModelCallRequest> {
    try {
      return { ...request, residency: bindResidency(request, this.deps.residency) };
    } catch (error) {
      if (!(error instanceof ResidencyRequestError)) throw error;
      // What was asked, as long as it is a policy at all: the audit never stores a request's free text.
      const residency = isPolicy(request.residency) ? request.residency : '(not a policy)';
      await this.deps.audit.append({ ...baseRecord({ ...request, residency }, started), outcome: 'residency-refused' });
      throw error;
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
    }) as BoundModelCallRequest;
    const result = await attemptCompletion(this.#client(endpoint), endpoint, request);
    const latencyMs = this.#now() - started;
    const ok = result.kind === 'ok';
    if (result.kind === 'throttled') this.deps.health.cool(endpoint.name, result.retryAfterMs);
    else this.deps.health.record(endpoint.name, { ok, latencyMs });
    const usage = result.kind === 'ok' ? result.usage : { prompt: 0, completion: 0 };
    const cost = callCost(request.model, endpoint.region, usage.prompt, usage.completion, endpoint.kind);
    const record: ModelCallRecord = {
      ...baseRecord(request, started),
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
    };
    await this.deps.audit.append(record);
    return { ok, latencyMs, status: result.kind === 'fatal' || result.kind === 'retry' ? result.status : undefined };
  }
}

export type { SafetyVerdict };
