import type { ReviewDecisionEvent } from '../../shared/review/decision';
import type { Notification } from '../../shared/review/notifier';

export interface ReviewRequest {
  pipeline: string;
  subjectId: string;
  title: string;
  reviewer: string;
  backupReviewer: string;
  /** Who submitted the item (the authenticated caller): refused as its reviewer. */
  submittedBy?: string;
  /** Blob name in `review-drafts`: the draft itself never enters the orchestration history. */
  draftRef: string;
  /** When to remind the reviewer, in ms after the request: one reminder or a schedule (those before the deadline). */
  reminderAfterMs: number | number[];
  deadlineMs: number;
  /** How long the backup reviewer has after escalation before the review expires. */
  escalationMs: number;
}

export interface IssuedLink {
  url: string;
  nonce: string;
  reviewId: string;
  reviewer: string;
}

export interface ReviewOutcome {
  outcome: 'approved' | 'modified' | 'rejected' | 'expired';
  reviewer?: string;
  content?: unknown;
  reason?: string;
  diffSha256?: string;
  decidedAt?: string;
  openedAt?: string;
  escalated: boolean;
}

/** What the review orchestrator asks to send; the activity stamps the time it went out. */
export interface Notice extends Omit<Notification, 'kind' | 'at'> {
  kind: 'review-requested' | 'review-reminder' | 'review-escalated' | 'review-expired';
}

export type { ReviewDecisionEvent };
