import {
  AZURE_KEYS,
  CATEGORIES,
  type Category,
  SEVERITY_OF_LABEL,
  type Severities,
  type Verdict,
  zeroSeverities,
} from './categories';

/** Azure OpenAI's per-category annotation: `{ filtered, severity: safe|low|medium|high }`. */
export type AzureFilterResults = Record<string, { severity?: string; filtered?: boolean } | undefined>;

export interface Annotations {
  severities: Severities;
  /** Categories Azure itself filtered. */
  filtered: Category[];
}

/** Maps `content_filter_results` (a completion), `content_filter_result` (a 400) or one prompt's results. */
export function fromAnnotations(results: AzureFilterResults): Annotations {
  const severities = zeroSeverities();
  const filtered: Category[] = [];
  for (const category of CATEGORIES) {
    const key = AZURE_KEYS[category];
    const result = key ? results[key] : undefined;
    if (!result) continue;
    severities[category] = SEVERITY_OF_LABEL[result.severity ?? 'safe'] ?? 0;
    if (result.filtered) filtered.push(category);
  }
  return { severities, filtered };
}

/** `prompt_filter_results` has one entry per prompt index; the prompt is as severe as its worst part. */
export function fromPromptAnnotations(
  entries: { content_filter_results?: AzureFilterResults }[] | undefined,
): Annotations | undefined {
  const parts = (entries ?? []).flatMap((e) =>
    e.content_filter_results ? [fromAnnotations(e.content_filter_results)] : [],
  );
  if (parts.length === 0) return undefined;
  return {
    severities: maxSeverities(...parts.map((p) => p.severities)),
    filtered: CATEGORIES.filter((c) => parts.some((p) => p.filtered.includes(c))),
  };
}

export function maxSeverities(...all: (Severities | undefined)[]): Severities {
  const result = zeroSeverities();
  for (const s of all) if (s) for (const c of CATEGORIES) result[c] = Math.max(result[c], s[c]);
  return result;
}

/** Azure withheld the content, so it is a block whatever our thresholds say; it names what Azure filtered. */
export function azureBlock(annotations: Annotations): Verdict {
  const named =
    annotations.filtered.length > 0 ? annotations.filtered : CATEGORIES.filter((c) => annotations.severities[c] >= 4);
  return { severities: annotations.severities, decision: 'block', flagged: named };
}
