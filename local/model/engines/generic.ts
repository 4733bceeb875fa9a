import type { DomainEngine } from './types';

/**
 * The generic engine: an extractive summary of the last user message (its leading sentences and key terms) —
 * deterministic, and honest about being a stand-in for GPT-4o rather than a model.
 */
export const genericEngine: DomainEngine = (request) => {
  const user = [...request.messages].reverse().find((m) => m.role === 'user')?.content ?? '';
  if (request.maxTokens !== undefined && request.maxTokens <= 1) return { content: 'OK', finishReason: 'length' };
  const sentences = user.split(/(?<=[.!?])\s+/).filter(Boolean);
  const words = user.toLowerCase().match(/[a-z][a-z'-]{3,}/g) ?? [];
  const counts = new Map<string, number>();
  for (const w of words) counts.set(w, (counts.get(w) ?? 0) + 1);
  const keyTerms = [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, 5)
    .map(([w]) => w);
  const summary = sentences.slice(0, 2).join(' ');
  if (request.responseFormat && request.responseFormat.type !== 'text') {
    return { content: JSON.stringify({ summary, keyTerms, sentences: sentences.length }) };
  }
  return { content: `Summary: ${summary}${keyTerms.length ? ` Key terms: ${keyTerms.join(', ')}.` : ''}` };
};
