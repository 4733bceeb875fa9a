import { radiologyDraftEngine } from '../../local/model/engines/radiology';
import { createDeidentifier, reidentify } from '../../shared/radiology/deidentify';
import { finetuneRecord } from '../../shared/radiology/finetune';
import { buildDraftPrompt } from '../../shared/radiology/prompt';
import { draftReportSchema, reportSections } from '../../shared/radiology/report';
import { studySchema } from '../../shared/radiology/study';
import type { RadiologyCase } from './corpus/radiology-cases';

export interface Leak {
  study: string;
  where: 'prompt' | 'finetune';
  kind: string;
  token: string;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const present = (haystack: string, token: string) =>
  new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(token)}(?![\\p{L}\\p{N}])`, 'iu').test(haystack);

/**
 * Runs each study through the real path — de-identifier, prompt builder, the local draft engine, re-identification,
 * the radiologist's edit, the fine-tuning record — and lists every PHI token that survives into the prompt or the line.
 */
export async function radiologyLeaks(cases: RadiologyCase[]): Promise<{ leaks: Leak[]; tokens: number }> {
  const leaks: Leak[] = [];
  let tokens = 0;
  for (const c of cases) {
    const study = studySchema.parse(c.study);
    const deid = createDeidentifier(study);
    const prompt = buildDraftPrompt(deid.study);
    const reply = await radiologyDraftEngine({
      deployment: 'radiology-draft',
      messages: prompt.messages,
      responseFormat: prompt.responseFormat,
    });
    const draft = draftReportSchema.parse(JSON.parse(reply.content));
    const sections = reportSections(reidentify(draft, deid.mapping));
    const edited = { ...sections, impression: `${sections.impression}\n${c.edit}` };
    const line = JSON.stringify(finetuneRecord(study, draft, edited, true));
    const promptText = prompt.messages.map((m) => m.content).join('\n');
    for (const phi of c.phi)
      for (const token of phi.tokens) {
        tokens++;
        if (present(promptText, token)) leaks.push({ study: c.id, where: 'prompt', kind: phi.kind, token });
        if (present(line, token)) leaks.push({ study: c.id, where: 'finetune', kind: phi.kind, token });
      }
  }
  return { leaks, tokens };
}
