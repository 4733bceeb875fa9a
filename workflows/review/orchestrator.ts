import type { OrchestrationContext, OrchestrationHandler } from 'durable-functions';
import { AUDIT_REVIEW, ISSUE_REVIEW_LINK, NOTIFY_REVIEWER, REVIEW_EVENT, REVOKE_REVIEW_LINK } from './names';
import type { IssuedLink, Notice, ReviewDecisionEvent, ReviewOutcome, ReviewRequest } from './types';

/**
 * One human review: issue a signed link, notify, wait for the decision raced against a durable timer, remind on the
 * request's schedule, escalate to the backup reviewer at the deadline (new link, old one revoked), expire after the escalation window.
 */
export const reviewOrchestrator: OrchestrationHandler = function* (context: OrchestrationContext) {
  const request = context.df.getInput() as ReviewRequest;
  const instanceId = context.df.instanceId;
  const start = context.df.currentUtcDateTime.getTime();
  const deadline = start + request.deadlineMs;
  const reminders = [request.reminderAfterMs]
    .flat()
    .map((ms) => start + ms)
    .filter((at) => at < deadline)
    .sort((a, b) => a - b);
  const finalDeadline = deadline + request.escalationMs;
  const notice = (kind: Notice['kind'], to: string, url?: string): Notice => ({
    kind,
    to,
    url,
    pipeline: request.pipeline,
    subjectId: request.subjectId,
    instanceId,
    title: request.title,
  });
  const audit = (event: string, reviewer: string, extra: Record<string, unknown> = {}) =>
    context.df.callActivity(AUDIT_REVIEW, {
      event,
      reviewer,
      pipeline: request.pipeline,
      instanceId,
      subjectId: request.subjectId,
      ...extra,
    });

  let link: IssuedLink = yield context.df.callActivity(ISSUE_REVIEW_LINK, {
    instanceId,
    reviewId: `${instanceId}:1`,
    reviewer: request.reviewer,
    pipeline: request.pipeline,
    expiresAt: deadline,
    draftRef: request.draftRef,
    submittedBy: request.submittedBy,
  });
  yield context.df.callActivity(NOTIFY_REVIEWER, notice('review-requested', request.reviewer, link.url));
  let escalated = false;
  let reminded = 0;

  for (;;) {
    const due = escalated ? finalDeadline : (reminders[reminded] ?? deadline);
    const decision = context.df.waitForExternalEvent(REVIEW_EVENT);
    const timer = context.df.createTimer(new Date(due));
    const winner = yield context.df.Task.any([decision, timer]);
    if (winner === decision) {
      timer.cancel();
      const event = decision.result as ReviewDecisionEvent;
      if (event.nonce !== link.nonce) continue; // a decision through a withdrawn link: not this review's any more
      yield audit('decision', event.reviewer, {
        decision: event.decision,
        diffSha256: event.diffSha256,
        ...(event.reasonSha256 ? { reason: `sha256:${event.reasonSha256}` } : {}),
      });
      const outcome: ReviewOutcome = {
        outcome: event.decision,
        reviewer: event.reviewer,
        content: event.content,
        reason: event.reason,
        diffSha256: event.diffSha256,
        decidedAt: event.decidedAt,
        openedAt: event.openedAt,
        escalated,
      };
      return outcome;
    }
    if (!escalated && reminded < reminders.length) {
      reminded++;
      yield context.df.callActivity(NOTIFY_REVIEWER, notice('review-reminder', request.reviewer, link.url));
      yield audit('reminder-sent', request.reviewer);
      continue;
    }
    yield context.df.callActivity(REVOKE_REVIEW_LINK, {
      nonce: link.nonce,
      because: escalated ? 'expired' : 'escalated',
    });
    if (!escalated) {
      escalated = true;
      link = yield context.df.callActivity(ISSUE_REVIEW_LINK, {
        instanceId,
        reviewId: `${instanceId}:2`,
        reviewer: request.backupReviewer,
        pipeline: request.pipeline,
        expiresAt: finalDeadline,
        draftRef: request.draftRef,
        submittedBy: request.submittedBy,
      });
      yield context.df.callActivity(NOTIFY_REVIEWER, notice('review-escalated', request.backupReviewer, link.url));
      yield audit('escalated', request.backupReviewer);
      continue;
    }
    // The notice and the record name the same person: the reviewer whose link just expired (the backup by now).
    yield context.df.callActivity(NOTIFY_REVIEWER, notice('review-expired', link.reviewer));
    yield audit('expired', link.reviewer, { decision: 'expired' });
    const expired: ReviewOutcome = { outcome: 'expired', escalated };
    return expired;
  }
};
