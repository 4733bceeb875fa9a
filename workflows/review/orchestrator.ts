import type { OrchestrationContext, OrchestrationHandler } from 'durable-functions';
import { AUDIT_REVIEW, ISSUE_REVIEW_LINK, NOTIFY_REVIEWER, REVIEW_EVENT, REVOKE_REVIEW_LINK } from './names';
import { decisionAudit, noticeOf, outcomeOf, reviewSchedule } from './plan';
import type { IssuedLink, Notice, ReviewDecisionEvent, ReviewOutcome, ReviewRequest } from './types';

/**
 * One human review: issue a signed link, notify, wait for the decision raced against a durable timer, remind on the
 * request's schedule, escalate to the backup reviewer at the deadline (new link, old one revoked), expire after the escalation window.
 */
export const reviewOrchestrator: OrchestrationHandler = function* (context: OrchestrationContext) {
  const request = context.df.getInput() as ReviewRequest;
  const instanceId = context.df.instanceId;
  const { deadline, reminders, finalDeadline } = reviewSchedule(request, context.df.currentUtcDateTime.getTime());
  const notify = (kind: Notice['kind'], to: string, url?: string) =>
    context.df.callActivity(NOTIFY_REVIEWER, noticeOf(request, instanceId, kind, to, url));
  const audit = (event: string, reviewer: string, extra: Record<string, unknown> = {}) =>
    context.df.callActivity(AUDIT_REVIEW, {
      event,
      reviewer,
      pipeline: request.pipeline,
      instanceId,
      subjectId: request.subjectId,
      ...extra,
    });
  const issue = (round: number, reviewer: string, expiresAt: number) =>
    context.df.callActivity(ISSUE_REVIEW_LINK, {
      instanceId,
      reviewId: `${instanceId}:${round}`,
      reviewer,
      pipeline: request.pipeline,
      expiresAt,
      draftRef: request.draftRef,
      submittedBy: request.submittedBy,
    });

  let link: IssuedLink = yield issue(1, request.reviewer, deadline);
  yield notify('review-requested', request.reviewer, link.url);
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
      yield audit('decision', event.reviewer, decisionAudit(event));
      return outcomeOf(event, escalated);
    }
    if (!escalated && reminded < reminders.length) {
      reminded++;
      yield notify('review-reminder', request.reviewer, link.url);
      yield audit('reminder-sent', request.reviewer);
      continue;
    }
    yield context.df.callActivity(REVOKE_REVIEW_LINK, {
      nonce: link.nonce,
      because: escalated ? 'expired' : 'escalated',
    });
    if (!escalated) {
      escalated = true;
      link = yield issue(2, request.backupReviewer, finalDeadline);
      yield notify('review-escalated', request.backupReviewer, link.url);
      yield audit('escalated', request.backupReviewer);
      continue;
    }
    // The notice and the record name the same person: the reviewer whose link just expired (the backup by now).
    yield notify('review-expired', link.reviewer);
    yield audit('expired', link.reviewer, { decision: 'expired' });
    const expired: ReviewOutcome = { outcome: 'expired', escalated };
    return expired;
  }
};
