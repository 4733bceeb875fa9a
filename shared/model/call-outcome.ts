import type { ModelCallRecord } from '../audit/records';
import { NonRetryableError } from '../errors';
import { attemptEntries, billAttempt, reportedPromptTokens, sha256, totalBill } from './call-record';
import type { ModelEndpoint } from './endpoints';
import { ModelUnavailableError } from './errors';
import type { HealthRegistry } from './health-registry';
import type { AttemptRun, Route } from './hedged-route';
import type { BoundModelCallRequest, ModelCallResult } from './request';
import { ResidencyIncidentError, type ResidencyPolicy, ResidencyUnavailableError, regionAllowed } from './residency';
import type { SafetyAnalyser } from './safety/analyser';
import { azureBlock } from './safety/azure-annotations';
import { blockedError, judge, policyFor, type Verdict, withAzureLabels } from './safety/policy';

/** One call as the outcome handlers see it. */
export interface CallContext {
  request: BoundModelCallRequest;
  policy: ResidencyPolicy;
  inputVerdict: Verdict;
  candidates: ModelEndpoint[];
  /** Appends the call's one audit record: the base fields, the input verdict and the latency so far, then these. */
  audit: (fields: Partial<ModelCallRecord>) => Promise<ModelCallRecord>;
}

async function billed(ctx: CallContext, runs: AttemptRun[], decisive?: AttemptRun) {
  const reported = reportedPromptTokens(runs);
  const bills = await Promise.all(runs.map((r) => billAttempt(r, ctx.request, reported)));
  return { bills, ...totalBill(runs, bills, decisive), attempts: attemptEntries(runs, bills, decisive) };
}

/**
 * The served region as verified: `x-ms-region` mapped back, or the endpoint's own region for a regional deployment
 * that did not send it. A data-zone or global deployment may serve anywhere it covers, so there a missing header
 * leaves the region unknown.
 */
function servedRegion(endpoint: ModelEndpoint, reported: string | undefined): string | undefined {
  return reported ?? (endpoint.deploymentType === 'regional' ? endpoint.region : undefined);
}

/** An endpoint answered: verify where, judge the completion, bill every attempt, audit once. */
export async function answered(
  ctx: CallContext,
  route: Extract<Route, { kind: 'answered' }>,
  safety: SafetyAnalyser,
): Promise<ModelCallResult> {
  const { winner, runs } = route;
  const { endpoint, result } = winner;
  const { bills, attempts, ...bill } = await billed(ctx, runs, winner);
  const region = servedRegion(endpoint, result.region);
  if (!region || !regionAllowed(ctx.policy, region)) {
    await ctx.audit({
      ...bill,
      outcome: 'residency-incident',
      endpoint: endpoint.name,
      region: region ?? 'unreported',
      attempts,
    });
    throw new ResidencyIncidentError(
      region
        ? `endpoint ${endpoint.name} answered from ${region}, outside "${ctx.request.residency}"; the result was withheld`
        : `endpoint ${endpoint.name} (a ${endpoint.deploymentType} deployment) answered without x-ms-region, so where "${ctx.request.residency}" data was processed is unknown; the result was withheld`,
    );
  }
  const { request } = ctx;
  const policy = policyFor(request.pipeline);
  const inputVerdict = withAzureLabels(
    ctx.inputVerdict,
    result.promptFilter?.severities,
    policy,
    request.safetyContext,
  );
  const outputVerdict = withAzureLabels(
    judge(await safety.analyse(result.content, request.safetyContext), policy),
    result.filter?.severities,
    policy,
    request.safetyContext,
  );
  const deployment = endpoint.deployments[request.deployment]!;
  const servedDeployment = result.spillover?.servedBy ?? deployment;
  const refused =
    inputVerdict.decision === 'block' ? 'input' : outputVerdict.decision === 'block' ? 'output' : undefined;
  const record = await ctx.audit({
    ...bill,
    endpoint: endpoint.name,
    region,
    deployment,
    servedDeployment,
    spilloverFrom: result.spillover?.from,
    attempts,
    billing: bills[runs.indexOf(winner)]!.billing,
    completionSha256: sha256(result.content),
    safety: { input: inputVerdict, output: outputVerdict },
    outcome: refused ? 'blocked' : 'ok',
  });
  if (refused) throw blockedError(refused, refused === 'input' ? inputVerdict : outputVerdict);
  const json = request.responseFormat && request.responseFormat.type !== 'text' ? parseJson(result.content) : undefined;
  return {
    content: result.content,
    json,
    endpoint: endpoint.name,
    region,
    deployment,
    servedDeployment,
    tokens: { ...result.usage, total: result.usage.prompt + result.usage.completion },
    latencyMs: record.latencyMs,
    attempts: attempts.length,
    costUsd: bill.costUsd,
    finishReason: result.finishReason,
    safety: { input: inputVerdict, output: outputVerdict },
    hedged: runs.some((r) => r.hedge),
  };
}

/** Azure refused the prompt or the completion, or the endpoint refused the request: final, nowhere else to try. */
export async function refused(ctx: CallContext, route: Extract<Route, { kind: 'refused' }>): Promise<never> {
  const { run, runs } = route;
  const { endpoint, result } = run;
  const { bills: _, ...bill } = await billed(ctx, runs, run);
  const at = { endpoint: endpoint.name, region: endpoint.region };
  if (result.kind === 'fatal') {
    await ctx.audit({ ...bill, ...at, outcome: 'failed' });
    throw new NonRetryableError(
      `model endpoint ${endpoint.name} refused the request (${result.status ?? 'no status'}): ${result.message}`,
    );
  }
  const verdict = azureBlock(result.annotations);
  const stage = result.kind === 'blocked-input' ? 'input' : 'output';
  await ctx.audit({
    ...bill,
    ...at,
    outcome: 'blocked',
    safety: stage === 'input' ? { input: verdict } : { input: ctx.inputVerdict, output: verdict },
  });
  throw blockedError(stage, verdict);
}

/** Every allowed endpoint failed, was throttled or is out of rotation. */
export async function exhausted(
  ctx: CallContext,
  route: Extract<Route, { kind: 'exhausted' }>,
  health: HealthRegistry,
): Promise<never> {
  const { bills: _, ...bill } = await billed(ctx, route.runs);
  const { attempts } = bill;
  // Nothing allowed is healthy any more (every circuit open, none merely cooling): a residency matter, not a retry.
  const noneHealthy =
    attempts.every((a) => a.outcome !== 'throttled') &&
    ctx.candidates.every((c) => health.get(c.name).breaker !== 'closed');
  const outcome = attempts.length === 0 || noneHealthy ? 'residency-unavailable' : 'failed';
  await ctx.audit({ ...bill, outcome });
  if (outcome === 'residency-unavailable') {
    throw new ResidencyUnavailableError(
      ctx.request.residency,
      `all of ${ctx.candidates.map((c) => c.name).join(', ')} are out of rotation (unhealthy or cooling down)`,
      Math.max(1_000, Math.min(...ctx.candidates.map((c) => health.readmitInMs(c.name)))),
    );
  }
  throw new ModelUnavailableError(
    `every endpoint allowed by "${ctx.request.residency}" failed: ${attempts.map((a) => `${a.endpoint} ${a.outcome}${a.status ? ` ${a.status}` : ''}`).join(', ')}`,
    route.soonestRetryMs,
  );
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new NonRetryableError('the model was asked for JSON but answered text that does not parse as JSON');
  }
}
