import { chunkText } from '../../shared/foia/chunks';
import type { Extracted } from '../../shared/foia/extract';
import { mergeSpans } from '../../shared/foia/merge';
import { buildRedactionPrompt, redactionRequest, spansFromModel } from '../../shared/foia/model-layer';
import { deterministicSpans } from '../../shared/foia/recognisers';
import type { FoiaReviewDraft } from '../../shared/foia/review-view';
import type { Span } from '../../shared/foia/types';
import { readJson } from '../../shared/storage/blobs';
import type { FoiaDeps } from './deps';
import type { FoiaRun } from './types';
import { putJson, workBlob } from './work-blobs';

interface StoredAnswers {
  from: number;
  answers: unknown[];
}

/** Every stored wave, checked to cover each chunk exactly once: a gap is our bug, never a silent partial result. */
async function answersOf(deps: FoiaDeps, instanceId: string, chunks: number): Promise<unknown[]> {
  const answers: unknown[] = new Array(chunks);
  let covered = 0;
  for await (const blob of deps.work.listBlobsFlat({ prefix: workBlob.answersPrefix(instanceId) })) {
    const wave = await readJson<StoredAnswers>(deps.work, blob.name);
    wave.answers.forEach((answer, i) => {
      if (answers[wave.from + i] === undefined) covered++;
      answers[wave.from + i] = answer;
    });
  }
  if (covered !== chunks || answers.length !== chunks)
    throw new Error(`${instanceId}: model answers cover ${covered} of ${chunks} chunks`);
  return answers;
}

export function createDetectionActivities(deps: FoiaDeps) {
  const extractedOf = (instanceId: string) => readJson<Extracted>(deps.work, workBlob.extracted(instanceId));

  return {
    async detectFoiaPatterns({ run, instanceId }: { run: FoiaRun; instanceId: string }): Promise<number> {
      const extracted = await extractedOf(instanceId);
      const spans = deterministicSpans(extracted.text, { redactOfficials: run.redactOfficials === true });
      await putJson(deps.work, workBlob.patterns(instanceId), spans);
      return spans.length;
    },

    /** The `callModel` requests for chunks [from, to) only, so no activity result holds the whole document. */
    async buildFoiaModelRequests({
      run,
      instanceId,
      from,
      to,
    }: {
      run: FoiaRun;
      instanceId: string;
      from: number;
      to: number;
    }) {
      const extracted = await extractedOf(instanceId);
      return chunkText(extracted.text)
        .slice(from, to)
        .map((chunk, i) => {
          return redactionRequest(buildRedactionPrompt(chunk.text), {
            residency: run.residency,
            userId: run.requester,
            requestId: `${instanceId}:chunk:${from + i}`,
            instanceId,
          });
        });
    },

    /** Keeps one wave's model answers in a blob and answers how many chunks are done. */
    async storeFoiaChunkAnswers({
      instanceId,
      from,
      answers,
    }: {
      instanceId: string;
      from: number;
      answers: unknown[];
    }) {
      const stored: StoredAnswers = { from, answers };
      await putJson(deps.work, workBlob.answers(instanceId, from), stored);
      return from + answers.length;
    },

    async mergeFoiaRecommendations({ run, instanceId, chunks }: { run: FoiaRun; instanceId: string; chunks: number }) {
      const extracted = await extractedOf(instanceId);
      const patterns = await readJson<Span[]>(deps.work, workBlob.patterns(instanceId));
      const pieces = chunkText(extracted.text);
      if (pieces.length !== chunks) throw new Error(`${instanceId}: ${pieces.length} chunks now, ${chunks} planned`);
      const answers = await answersOf(deps, instanceId, chunks);
      const model = answers.flatMap((answer, i) => spansFromModel(pieces[i]!.text, pieces[i]!.offset, answer));
      const merged = mergeSpans([...patterns, ...model], extracted.text).map((s, i) => ({ ...s, id: `r${i + 1}` }));
      const draft: FoiaReviewDraft = {
        requestId: run.requestId,
        documentName: run.documentName,
        text: extracted.text,
        recommendations: merged,
      };
      const draftRef = `foia/${instanceId}.json`;
      await putJson(deps.drafts, draftRef, draft);
      return { draftRef, recommendations: merged.length };
    },
  };
}
