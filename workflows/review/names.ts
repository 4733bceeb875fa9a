/** Names shared by the review orchestrator and its registrations. */
export const REVIEW_ORCHESTRATOR = 'reviewOrchestrator';
export const ISSUE_REVIEW_LINK = 'issueReviewLink';
export const NOTIFY_REVIEWER = 'notifyReviewer';
export const REVOKE_REVIEW_LINK = 'revokeReviewLink';
export const AUDIT_REVIEW = 'auditReview';
export { REVIEW_EVENT } from '../../shared/review/decision';
