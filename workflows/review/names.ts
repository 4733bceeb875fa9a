/** Names shared by the review orchestrator and its registrations. */
export const REVIEW_ORCHESTRATOR = 'reviewOrchestrator';
export const ISSUE_REVIEW_LINK = 'issueReviewLink';
export const NOTIFY_REVIEWER = 'notifyReviewer';
export const REVOKE_REVIEW_LINK = 'revokeReviewLink';
export const AUDIT_REVIEW = 'auditReview';
export { REVIEW_EVENT } from '../../shared/review/decision';
/** Drafts and their edits, shared by every pipeline's review. */
export const DRAFTS_CONTAINER = 'review-drafts';
export const NOTIFICATIONS_QUEUE = 'notifications';
export const OUTBOX_TABLE = 'reviewoutbox';
export const LINKS_TABLE = 'reviewlinks';
