import type { OrchestrationContext, OrchestrationHandler } from 'durable-functions';
import type { ModelCallRequest } from '../../shared/model/request';
import { MODEL_CALL_ORCHESTRATOR, type ResilientModelCall } from '../model/orchestrator';
import { activityRetry } from '../retry-policy';
import { REVIEW_ORCHESTRATOR } from '../review/names';
import type { ReviewOutcome } from '../review/types';
import {
  BUILD_FOIA_MODEL_REQUESTS,
  CHUNK_WAVE,
  DETECT_FOIA_PATTERNS,
  EXTRACT_FOIA_DOCUMENT,
  MERGE_FOIA_RECOMMENDATIONS,
  RECORD_FOIA_OUTCOME,
  RELEASE_FOIA_DOCUMENT,
  STORE_FOIA_CHUNK_ANSWERS,
} from './names';
import type { Extraction, FoiaRun } from './types';

const HOUR = 3600_000;

/** FOIA document → recognisers + model (chunks in waves) → merged recommendations → legal review → redacted release. */
export const foiaOrchestrator: OrchestrationHandler = function* (context: OrchestrationContext) {
  const run = context.df.getInput() as FoiaRun;
  const instanceId = context.df.instanceId;
  const retry = activityRetry();

  context.df.setCustomStatus({ stage: 'extracting' });
  const extraction: Extraction = yield context.df.callActivity(EXTRACT_FOIA_DOCUMENT, { run, instanceId });
  if (extraction.rejected !== undefined) return { outcome: 'rejected-input', reason: extraction.rejected };

  const patterns: number = yield context.df.callActivity(DETECT_FOIA_PATTERNS, { run, instanceId });
  const chunksTotal = extraction.chunks;
  const progress = (stage: string, chunksDone: number) =>
    context.df.setCustomStatus({ stage, chunksDone, chunksTotal, patterns, deadline: extraction.deadline });
  // Waves, not one fan-out: progress shows between waves and each activity carries at most a wave's prompts.
  for (let from = 0; from < chunksTotal; from += CHUNK_WAVE) {
    progress('model-review', from);
    const to = Math.min(chunksTotal, from + CHUNK_WAVE);
    const requests: ModelCallRequest[] = yield context.df.callActivity(BUILD_FOIA_MODEL_REQUESTS, {
      run,
      instanceId,
      from,
      to,
    });
    const answers: { json: unknown }[] = yield context.df.Task.all(
      requests.map((r) =>
        context.df.callSubOrchestrator(MODEL_CALL_ORCHESTRATOR, { request: r } satisfies ResilientModelCall),
      ),
    );
    yield context.df.callActivity(STORE_FOIA_CHUNK_ANSWERS, { instanceId, from, answers: answers.map((a) => a.json) });
  }
  progress('merging', chunksTotal);
  const merged: { draftRef: string; recommendations: number } = yield context.df.callActivity(
    MERGE_FOIA_RECOMMENDATIONS,
    { run, instanceId, chunks: chunksTotal },
  );

  context.df.setCustomStatus({
    stage: 'awaiting-review',
    recommendations: merged.recommendations,
    chunksDone: chunksTotal,
    chunksTotal,
    deadline: extraction.deadline,
  });
  const outcome: ReviewOutcome = yield context.df.callSubOrchestrator(
    REVIEW_ORCHESTRATOR,
    {
      pipeline: 'foia',
      subjectId: run.requestId,
      title: `FOIA ${run.requestId}: ${run.documentName}`,
      reviewer: run.reviewer,
      backupReviewer: run.backupReviewer,
      draftRef: merged.draftRef,
      submittedBy: run.recordedBy,
      reminderAfterMs: 24 * HOUR,
      deadlineMs: 72 * HOUR,
      escalationMs: 48 * HOUR,
    },
    `${instanceId}:review`,
  );
  if (outcome.outcome === 'approved' || outcome.outcome === 'modified') {
    const files: string[] = yield context.df.callActivityWithRetry(RELEASE_FOIA_DOCUMENT, retry, {
      run,
      instanceId,
      draftRef: merged.draftRef,
      decisions: outcome.content ?? null,
      reviewer: outcome.reviewer,
    });
    context.df.setCustomStatus({ stage: 'released', files });
    return { outcome: 'released', files, reviewer: outcome.reviewer };
  }
  yield context.df.callActivity(RECORD_FOIA_OUTCOME, { run, instanceId, outcome: outcome.outcome });
  return { outcome: outcome.outcome, reason: outcome.reason ?? null };
};
