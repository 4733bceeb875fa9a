import { CATEGORIES, type Category, type Severities } from './categories';

export interface CategoryRule {
  /** Severity at or above which the call is recorded with a warning. */
  warnAt: number;
  /** Severity at or above which the call is refused. 8 = never. */
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

/** Per-pipeline thresholds: radiology describes injury and self-harm history; FOIA files describe crimes. */
export const POLICIES: Record<string, SafetyPolicy> = {
  default: uniform(2, 4),
  radiology: { ...uniform(2, 6), violence: { warnAt: 4, blockAt: 8 }, selfHarm: { warnAt: 4, blockAt: 7 } },
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
