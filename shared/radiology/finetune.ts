import { createDeidentifier } from './deidentify';
import { buildDraftPrompt } from './prompt';
import { type DraftReport, draftFromSections, type SectionName } from './report';
import type { Study } from './study';

export interface FinetuneRecord {
  messages: { role: 'system' | 'user' | 'assistant'; content: string }[];
  metadata: { pipeline: 'radiology'; kind: 'draft-and-signed'; draft: string; edited: boolean };
}

/**
 * One line of `finetune/radiology/YYYY-MM.jsonl`, in the chat fine-tuning format: system + user are the
 * de-identified prompt, the assistant answer is the radiologist's signed report in the model's own output shape.
 * `metadata.draft` carries the model's draft in the same shape, so the pair also serves preference tuning
 * (signed preferred over draft); `metadata.edited` says whether the radiologist changed it. Everything the radiologist typed goes through the same de-identification as the
 * input's free text, under the same placeholders, so names or dates added while editing do not leak.
 */
export function finetuneRecord(
  study: Study,
  draft: DraftReport,
  finalSections: Record<SectionName, string>,
  edited: boolean,
): FinetuneRecord {
  const deid = createDeidentifier(study);
  const prompt = buildDraftPrompt(deid.study);
  const clean = <T>(value: T): T =>
    JSON.parse(JSON.stringify(value), (_k, v) => (typeof v === 'string' ? deid.text(v) : v)) as T;
  const signed = JSON.stringify(draftFromSections(clean(finalSections)));
  const drafted = JSON.stringify(clean(draft));
  return {
    messages: [...prompt.messages, { role: 'assistant', content: signed }],
    metadata: { pipeline: 'radiology', kind: 'draft-and-signed', draft: drafted, edited },
  };
}
