import type { Notice, ReviewDecisionEvent, ReviewOutcome, ReviewRequest } from './types';

/** When a review reminds, escalates and expires, from the moment it started (the orchestration's clock). */
export function reviewSchedule(request: ReviewRequest, start: number) {
  const deadline = start + request.deadlineMs;
  const reminders = [request.reminderAfterMs]
    .flat()
    .map((ms) => start + ms)
    .filter((at) => at < deadline)
    .sort((a, b) => a - b);
  return { deadline, reminders, finalDeadline: deadline + request.escalationMs };
}

/** A notification about this review. */
export function noticeOf(request: ReviewRequest, instanceId: string, kind: Notice['kind'], to: string, url?: string) {
  return {
    kind,
    to,
    url,
    pipeline: request.pipeline,
    subjectId: request.subjectId,
    instanceId,
    title: request.title,
  } satisfies Notice;
}

/** What a decision answers to the pipeline. */
export function outcomeOf(event: ReviewDecisionEvent, escalated: boolean): ReviewOutcome {
  return {
    outcome: event.decision,
    reviewer: event.reviewer,
    content: event.content,
    reason: event.reason,
    diffSha256: event.diffSha256,
    decidedAt: event.decidedAt,
    openedAt: event.openedAt,
    escalated,
  };
}

/** The audit fields a decision adds: hashes of the change and of the reason, never their text. */
export function decisionAudit(event: ReviewDecisionEvent) {
  return {
    decision: event.decision,
    diffSha256: event.diffSha256,
    ...(event.reasonSha256 ? { reason: `sha256:${event.reasonSha256}` } : {}),
  };
}
