import { ContentBlockedError } from '../errors';
import { maxSeverities } from './azure-annotations';
import { CATEGORIES, type Category, type Severities } from './categories';

export interface CategoryRule {
  /** Severity (0–7) at or above which the call is recorded with a warning. */
  warnAt: number;
  /** Severity (0–7) at or above which the call is refused. */
  blockAt: number;
}

export type SafetyPolicy = Record<Category, CategoryRule>;

export interface Verdict {
  severities: Severities;
  decision: 'allow' | 'warn' | 'block';
  flagged: Category[];
}

const uniform = (warnAt: number, blockAt: number): SafetyPolicy =>
  Object.fromEntries(CATEGORIES.map((c) => [c, { warnAt, blockAt }])) as SafetyPolicy;

/**
 * Per-pipeline thresholds. Radiology describes injury and self-harm history (findings score 1–2, reported speech
 * 4) but never needs intent (6). FOIA records quote crimes and threats as evidence, so only concrete intent or
 * instructions (7) stop a release.
 */
export const POLICIES: Record<string, SafetyPolicy> = {
  default: uniform(2, 4),
  radiology: { ...uniform(2, 6), violence: { warnAt: 4, blockAt: 6 }, selfHarm: { warnAt: 4, blockAt: 6 } },
  foia: { ...uniform(4, 6), violence: { warnAt: 4, blockAt: 7 }, illegalActivity: { warnAt: 4, blockAt: 7 } },
  var: uniform(2, 4),
};

export function policyFor(pipeline: string): SafetyPolicy {
  return POLICIES[pipeline] ?? POLICIES.default!;
}

export function judge(severities: Severities, policy: SafetyPolicy): Verdict {
  const blocked = CATEGORIES.filter((c) => severities[c] >= policy[c].blockAt);
  if (blocked.length > 0) return { severities, decision: 'block', flagged: blocked };
  const warned = CATEGORIES.filter((c) => severities[c] >= policy[c].warnAt);
  return { severities, decision: warned.length > 0 ? 'warn' : 'allow', flagged: warned };
}

/** What the caller said about the text: clinical or legal records describe harm without intending it. */
export interface SafetyContext {
  clinical?: boolean;
  legal?: boolean;
}

/**
 * Our verdict joined with Azure's labels of the same text. Azure's labels know nothing of clinical or legal
 * context, so there they can warn but not block on their own (Azure still blocks by itself: 400, finish_reason
 * content_filter); elsewhere they count in full.
 */
export function withAzureLabels(
  ours: Verdict,
  azure: Severities | undefined,
  policy: SafetyPolicy,
  context: SafetyContext | undefined,
): Verdict {
  if (!azure) return ours;
  const combined = judge(maxSeverities(ours.severities, azure), policy);
  const contextual = context?.clinical || context?.legal;
  return contextual && combined.decision === 'block' && ours.decision !== 'block'
    ? { ...combined, decision: 'warn' }
    : combined;
}

/** The refusal a block becomes: category and severity, never the text. */
export function blockedError(stage: 'input' | 'output', verdict: Verdict): ContentBlockedError {
  return new ContentBlockedError(
    stage,
    verdict.flagged.map((c) => ({ category: c, severity: verdict.severities[c] })),
  );
}
