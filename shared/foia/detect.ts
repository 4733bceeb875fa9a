import { chunkText } from './chunks';
import { mergeSpans } from './merge';
import { buildRedactionPrompt, spansFromModel } from './model-layer';
import { deterministicSpans } from './recognisers';
import type { Span } from './types';

/** Sends one prompt to the model and returns its parsed JSON answer (the gateway in production). */
export type ModelCaller = (prompt: ReturnType<typeof buildRedactionPrompt>) => Promise<unknown>;

export interface DetectOptions {
  model?: ModelCaller;
  redactOfficials?: boolean;
  onProgress?: (done: number, total: number) => void;
}

/** Both layers over the whole text (model chunk by chunk), merged and sorted. */
export async function detectRedactions(text: string, options: DetectOptions = {}): Promise<Span[]> {
  const spans = deterministicSpans(text, { redactOfficials: options.redactOfficials });
  if (options.model) {
    const chunks = chunkText(text);
    for (const [i, chunk] of chunks.entries()) {
      spans.push(...spansFromModel(chunk.text, chunk.offset, await options.model(buildRedactionPrompt(chunk.text))));
      options.onProgress?.(i + 1, chunks.length);
    }
  }
  return mergeSpans(spans, text);
}
