import { deidentify } from './deidentify';
import { buildDraftPrompt } from './prompt';
import type { Study } from './study';

/**
 * One chat fine-tuning example: the de-identified prompt, and as the answer the radiologist's signed report,
 * de-identified with the same placeholders.
 */
export function finetuneRecord(study: Study, _draft: unknown, finalSections: Record<string, string>) {
  const { study: clean, mapping } = deidentify(study);
  const prompt = buildDraftPrompt(clean);
  let answer = JSON.stringify(finalSections);
  for (const [placeholder, value] of Object.entries(mapping).sort((a, b) => b[1].length - a[1].length))
    answer = answer.split(value).join(placeholder);
  return { messages: [...prompt.messages, { role: 'assistant', content: answer }] };
}
