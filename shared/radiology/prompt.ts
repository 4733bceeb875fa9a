import type { CallOrigin, ModelCallRequest } from '../model/request';
import { structuredPrompt } from '../model/structured-prompt';
import type { DeidentifiedStudy } from './deidentify';
import { DRAFT_JSON_SCHEMA } from './report';

export const RADIOLOGY_SYSTEM_PROMPT = [
  'You are a radiology reporting assistant drafting a diagnostic report for a radiologist to edit and sign.',
  'Write every section of a diagnostic radiology report: examination, clinical history, comparison, technique,',
  'findings grouped by organ system, and an impression ranked by clinical importance with recommendations.',
  'Use only the findings given. State pertinent negatives as negatives and never contradict them.',
  'Keep laterality and measurements exactly as given. Identifiers are placeholders such as [PATIENT_NAME]; keep them.',
].join(' ');

/** Messages for `callModel` (deployment `radiology-draft`); the study is already de-identified. */
export function buildDraftPrompt(study: DeidentifiedStudy) {
  const user = `Draft the report for this study (JSON):\n${JSON.stringify(study, null, 2)}`;
  return structuredPrompt(RADIOLOGY_SYSTEM_PROMPT, user, DRAFT_JSON_SCHEMA);
}

/** The whole `callModel` request for a draft prompt, the same from the CLI and from the workflow. */
export function draftRequest(prompt: ReturnType<typeof buildDraftPrompt>, origin: CallOrigin): ModelCallRequest {
  return {
    pipeline: 'radiology',
    deployment: 'radiology-draft',
    ...prompt,
    dataClassification: 'phi',
    safetyContext: { clinical: true },
    ...origin,
  };
}
