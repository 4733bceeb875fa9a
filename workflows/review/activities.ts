import type { AuditSink } from '../../shared/audit/records';
import { stampTime } from '../../shared/clock';
import { reviewLinkUrl } from '../../shared/review/link-opener';
import type { LinkStore } from '../../shared/review/link-store';
import type { Notifier } from '../../shared/review/notifier';
import { signLink } from '../../shared/review/token';
import type { IssuedLink, Notice } from './types';

export interface ReviewActivityDeps {
  secret: string;
  baseUrl: string;
  links: LinkStore;
  notifier: Notifier;
  audit: AuditSink;
  now?: () => number;
}

/** The review sub-orchestration's I/O, built from its dependencies so tests can pass their own. */
export function createReviewActivities(deps: ReviewActivityDeps) {
  const now = stampTime(deps);
  return {
    async issueReviewLink(input: {
      instanceId: string;
      reviewId: string;
      reviewer: string;
      pipeline: string;
      expiresAt: number;
      draftRef: string;
      submittedBy?: string;
    }): Promise<IssuedLink> {
      const token = signLink(deps.secret, {
        instanceId: input.instanceId,
        reviewId: input.reviewId,
        reviewer: input.reviewer,
        pipeline: input.pipeline,
        expiresAt: input.expiresAt,
      });
      const nonce = JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString('utf8')).nonce as string;
      const { draftRef, submittedBy, ...claims } = input;
      await deps.links.issue({ ...claims, nonce }, now(), draftRef, submittedBy);
      await deps.audit.append({
        kind: 'review',
        timestamp: now(),
        event: 'link-issued',
        pipeline: input.pipeline,
        instanceId: input.instanceId,
        subjectId: input.reviewId,
        reviewer: input.reviewer,
      });
      return { url: reviewLinkUrl(deps.baseUrl, token), nonce, reviewId: input.reviewId, reviewer: input.reviewer };
    },
    async notifyReviewer(notice: Notice): Promise<void> {
      await deps.notifier.send({ ...notice, at: now() });
    },
    /**
     * Withdraws a link and records whose, and why. A consumed link is withdrawn too: its decision may still fail to
     * reach the run, and it must not be reopened for a review that has passed to someone else.
     */
    async revokeReviewLink(input: { nonce: string; because?: 'escalated' | 'expired' }): Promise<void> {
      const link = await deps.links.get(input.nonce);
      if (!link || link.state === 'revoked' || link.revokedAt) return;
      // Recorded before the write, so a crash in between repeats the record rather than losing it.
      await deps.audit.append({
        kind: 'review',
        timestamp: now(),
        event: 'link-revoked',
        pipeline: link.pipeline,
        instanceId: link.instanceId,
        subjectId: link.reviewId,
        reviewer: link.reviewer,
        reason: input.because ?? 'escalated',
      });
      await deps.links.revoke(input.nonce, now());
    },
    async auditReview(input: {
      event: 'decision' | 'reminder-sent' | 'escalated' | 'expired';
      reviewer: string;
      pipeline: string;
      instanceId: string;
      subjectId: string;
      decision?: 'approved' | 'modified' | 'rejected' | 'expired';
      diffSha256?: string;
      /** `sha256:<hex>` of a reject reason; never its text. */
      reason?: string;
    }): Promise<void> {
      await deps.audit.append({ kind: 'review', timestamp: now(), ...input });
    },
  };
}
