import { createHash } from 'node:crypto';
import { AZURE_KEYS, CATEGORIES, labelOf, type Severities } from '../../shared/model/safety/categories';
import { analyseText } from '../../shared/model/safety/local-analyser';
import type { AnnotationLabels } from './faults';

type FilterResults = Record<string, { filtered: boolean; severity: string }>;

/** Azure's annotations from the local analyser; this server's imitation of Azure's filter acts at `high`. */
export function filterResults(severities: Severities): FilterResults {
  return Object.fromEntries(
    CATEGORIES.flatMap((c) => {
      const key = AZURE_KEYS[c];
      return key ? [[key, { filtered: severities[c] >= 6, severity: labelOf(severities[c]) }]] : [];
    }),
  );
}

/** Labels a fault profile forces in place of the analyser's; `blockAtMedium` as Azure's default filter does. */
function forcedResults(base: FilterResults, labels: AnnotationLabels | undefined, blockAtMedium: boolean) {
  const results = { ...base };
  for (const [key, label] of Object.entries(labels ?? {}))
    results[key] = { filtered: blockAtMedium && (label === 'medium' || label === 'high'), severity: label };
  return results;
}

/**
 * A 200 chat completion in Azure's shape. A filtered completion keeps its annotations and usage but not its
 * content (`finish_reason: "content_filter"`); forced prompt labels only annotate, as a filter configured to
 * annotate does. A native spillover names both deployments in headers.
 */
export function completionResponse(input: {
  reply: { content: string; finishReason?: string };
  promptSeverities: Severities;
  usage: { promptTokens: number; completionTokens: number };
  created: number;
  annotations?: { prompt?: AnnotationLabels; completion?: AnnotationLabels };
  spillover?: { from: string; to: string };
}): { body: unknown; headers: Record<string, string> } {
  const { reply, usage } = input;
  const completionFilter = forcedResults(
    filterResults(analyseText(reply.content)),
    input.annotations?.completion,
    true,
  );
  const filtered = Object.values(completionFilter).some((r) => r.filtered);
  const body = {
    id: `chatcmpl-${createHash('sha256').update(reply.content).digest('hex').slice(0, 24)}`,
    object: 'chat.completion',
    created: input.created,
    model: 'gpt-4o-2024-11-20',
    prompt_filter_results: [
      {
        prompt_index: 0,
        content_filter_results: forcedResults(filterResults(input.promptSeverities), input.annotations?.prompt, false),
      },
    ],
    choices: [
      {
        index: 0,
        finish_reason: filtered ? 'content_filter' : (reply.finishReason ?? 'stop'),
        message: { role: 'assistant', content: filtered ? null : reply.content },
        content_filter_results: completionFilter,
      },
    ],
    usage: {
      prompt_tokens: usage.promptTokens,
      completion_tokens: usage.completionTokens,
      total_tokens: usage.promptTokens + usage.completionTokens,
    },
  };
  const headers: Record<string, string> = input.spillover
    ? {
        'x-ms-spillover-from-deployment': input.spillover.from,
        'x-ms-deployment-name': input.spillover.to,
        'x-ms-spillover-error': '429',
      }
    : {};
  return { body, headers };
}
