import type { OrchestrationContext, OrchestrationHandler } from 'durable-functions';
import type { ModelCallRequest } from '../../shared/model/request';
import { MODEL_CALL_ORCHESTRATOR, type ResilientModelCall } from '../model/orchestrator';
import { activityRetry } from '../retry-policy';
import { REVIEW_ORCHESTRATOR } from '../review/names';
import type { ReviewOutcome } from '../review/types';
import {
  ALERT_VAR,
  BUILD_VAR_NARRATIVE_REQUEST,
  CHECK_VAR_DATA,
  CHECK_VAR_NARRATIVE,
  COMPUTE_VAR_FACTS,
  PUBLISH_VAR_REPORT,
  RENDER_VAR_DRAFT,
} from './names';
import type { FactsSummary, NarrativeCheck, VarRun } from './types';

const HOUR = 3600_000;
const MAX_ROUNDS = 3;

/** Waits for the day's market data until the run's cutoff; false (after the alert) when it never came. */
function* marketDataArrived(context: OrchestrationContext, run: VarRun, instanceId: string) {
  context.df.setCustomStatus({ stage: 'waiting-for-market-data' });
  for (;;) {
    const arrived: boolean = yield context.df.callActivity(CHECK_VAR_DATA, { date: run.date });
    if (arrived) return true;
    if (context.df.currentUtcDateTime.getTime() >= Date.parse(run.cutoffAt)) {
      yield context.df.callActivity(ALERT_VAR, { run, instanceId, kind: 'market-data-missing' });
      context.df.setCustomStatus({ stage: 'market-data-missing' });
      return false;
    }
    yield context.df.createTimer(
      new Date(Math.min(context.df.currentUtcDateTime.getTime() + run.pollMs, Date.parse(run.cutoffAt))),
    );
  }
}

/** The model's narrative for this round, checked against the facts: one retry, then the check's template. */
function* checkedNarrative(
  context: OrchestrationContext,
  run: VarRun,
  instanceId: string,
  comments: string[],
  round: number,
) {
  let check: NarrativeCheck | undefined;
  for (let attempt = 1; attempt <= 2 && !check?.grounded; attempt++) {
    const request: ModelCallRequest = yield context.df.callActivity(BUILD_VAR_NARRATIVE_REQUEST, {
      run,
      instanceId,
      comments,
      attempt,
      round,
    });
    const completion: { content: string } = yield context.df.callSubOrchestrator(MODEL_CALL_ORCHESTRATOR, {
      request,
    } satisfies ResilientModelCall);
    check = yield context.df.callActivity(CHECK_VAR_NARRATIVE, { run, narrative: completion.content });
  }
  return check!;
}

const templateFlag = (check: NarrativeCheck) =>
  check.grounded
    ? []
    : [`Template narrative: the model's text quoted figures not in the facts sheet (${check.unmatched.join(', ')})`];

const reviewOf = (run: VarRun, draftRef: string) => ({
  pipeline: 'var',
  subjectId: run.date,
  title: `VaR report ${run.date}`,
  reviewer: run.reviewer,
  backupReviewer: run.backupReviewer,
  submittedBy: run.requestedBy,
  draftRef,
  reminderAfterMs: HOUR,
  deadlineMs: 3 * HOUR,
  escalationMs: 3 * HOUR,
});

/**
 * The daily VaR report: wait for the day's market data (never report on stale data), compute every figure in code,
 * have the model write the narrative and check each number against the facts (one retry, then the template,
 * flagged), then the risk manager's review — a send-back feeds the comments into the next draft.
 */
export const varOrchestrator: OrchestrationHandler = function* (context: OrchestrationContext) {
  const run = context.df.getInput() as VarRun;
  const instanceId = context.df.instanceId;
  const retry = activityRetry(5000);
  if (!(yield* marketDataArrived(context, run, instanceId))) return { outcome: 'market-data-missing', date: run.date };

  context.df.setCustomStatus({ stage: 'computing' });
  const summary: FactsSummary = yield context.df.callActivityWithRetry(COMPUTE_VAR_FACTS, retry, { run, instanceId });
  const comments: string[] = [];
  for (let round = 1; round <= MAX_ROUNDS; round++) {
    context.df.setCustomStatus({ stage: 'drafting', round });
    const check = yield* checkedNarrative(context, run, instanceId, comments, round);
    const flags = [...summary.flags, ...templateFlag(check)];
    const draftRef: string = yield context.df.callActivity(RENDER_VAR_DRAFT, {
      run,
      narrative: check.narrative,
      flags,
      round,
    });
    yield context.df.callActivity(ALERT_VAR, { run, instanceId, kind: 'ready-for-review' });
    context.df.setCustomStatus({ stage: 'awaiting-review', round, zone: summary.zone });
    const outcome: ReviewOutcome = yield context.df.callSubOrchestrator(
      REVIEW_ORCHESTRATOR,
      reviewOf(run, draftRef),
      `${instanceId}:review:${round}`,
    );
    if (outcome.outcome === 'approved' || outcome.outcome === 'modified') {
      const narrative =
        outcome.outcome === 'modified' ? (outcome.content as { narrative: string }).narrative : check.narrative;
      const files: string[] = yield context.df.callActivityWithRetry(PUBLISH_VAR_REPORT, retry, {
        run,
        instanceId,
        narrative,
        flags,
        approvedBy: outcome.reviewer,
      });
      context.df.setCustomStatus({ stage: 'published', round });
      return { outcome: 'published', date: run.date, approvedBy: outcome.reviewer, files, rounds: round };
    }
    if (outcome.outcome === 'expired') return { outcome: 'expired', date: run.date, rounds: round };
    comments.push(outcome.reason ?? 'sent back without a reason');
  }
  return { outcome: 'rejected', date: run.date, rounds: MAX_ROUNDS, comments };
};
