import type { OrchestrationContext, OrchestrationHandler } from 'durable-functions';
import { MODEL_CALL_ORCHESTRATOR, type ResilientModelCall } from '../model/orchestrator';
import { activityRetry } from '../retry-policy';
import { REVIEW_ORCHESTRATOR } from '../review/names';
import type { ReviewOutcome, ReviewRequest } from '../review/types';
import {
  FINISH_RADIOLOGY_DRAFT,
  NOTIFY_CRITICAL_RESULT,
  PREPARE_RADIOLOGY_DRAFT,
  RECORD_RADIOLOGY_OUTCOME,
  SIGN_AND_FILE_REPORT,
} from './names';
import type { FiledReport, FinishedDraft, PreparedDraft, RadiologyRun } from './types';

const MINUTE = 60_000;

/** PACS "Generate Report" → de-identified draft → critical alert → radiologist review → signed, filed report. */
export const radiologyOrchestrator: OrchestrationHandler = function* (context: OrchestrationContext) {
  const run = context.df.getInput() as RadiologyRun;
  const instanceId = context.df.instanceId;
  const retry = activityRetry();

  context.df.setCustomStatus({ stage: 'drafting' });
  const prepared: PreparedDraft = yield context.df.callActivity(PREPARE_RADIOLOGY_DRAFT, { run, instanceId });
  if (prepared.critical.length > 0)
    yield context.df.callActivityWithRetry(NOTIFY_CRITICAL_RESULT, retry, {
      run,
      instanceId,
      critical: prepared.critical,
    });
  const completion: { json: unknown } = yield context.df.callSubOrchestrator(MODEL_CALL_ORCHESTRATOR, {
    request: prepared.modelRequest,
  } satisfies ResilientModelCall);
  const draft: FinishedDraft = yield context.df.callActivity(FINISH_RADIOLOGY_DRAFT, {
    run,
    instanceId,
    prepared,
    model: completion.json,
  });

  context.df.setCustomStatus({
    stage: 'awaiting-review',
    draftMs: draft.draftMs,
    critical: prepared.critical.map((c) => c.name),
  });
  const review: ReviewRequest = {
    pipeline: 'radiology',
    subjectId: run.accession,
    title: `Radiology report ${run.accession}`,
    reviewer: run.reviewer,
    backupReviewer: run.backupReviewer,
    submittedBy: run.requestedBy,
    draftRef: draft.draftRef,
    reminderAfterMs: 15 * MINUTE,
    deadlineMs: prepared.critical.length > 0 ? 30 * MINUTE : 4 * 60 * MINUTE,
    escalationMs: 60 * MINUTE,
  };
  const outcome: ReviewOutcome = yield context.df.callSubOrchestrator(
    REVIEW_ORCHESTRATOR,
    review,
    `${instanceId}:review`,
  );

  if (outcome.outcome === 'approved' || outcome.outcome === 'modified') {
    const filed: FiledReport = yield context.df.callActivityWithRetry(SIGN_AND_FILE_REPORT, retry, {
      run,
      instanceId,
      draftRef: draft.draftRef,
      mappingRef: prepared.mappingRef,
      sections: outcome.content,
      signer: outcome.reviewer,
      decidedAt: outcome.decidedAt,
    });
    const reviewerMs =
      outcome.openedAt && outcome.decidedAt ? Date.parse(outcome.decidedAt) - Date.parse(outcome.openedAt) : null;
    context.df.setCustomStatus({ stage: 'filed', draftMs: draft.draftMs, reviewerMs, files: filed.files });
    return {
      outcome: outcome.outcome,
      signer: outcome.reviewer,
      files: filed.files,
      draftMs: draft.draftMs,
      reviewerMs,
    };
  }
  yield context.df.callActivity(RECORD_RADIOLOGY_OUTCOME, { run, instanceId, outcome: outcome.outcome });
  context.df.setCustomStatus({ stage: outcome.outcome === 'rejected' ? 'returned-to-dictation' : 'expired' });
  // The status endpoint shows this output: the reviewer's free-text reason (it may name the patient) stays out.
  return { outcome: outcome.outcome, reasonGiven: Boolean(outcome.reason) };
};
