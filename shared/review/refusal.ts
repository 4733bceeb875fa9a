import type { ReviewRecord } from '../audit/records';
import type { LinkClaims, RefusalCode } from './token';

const TITLES: Record<RefusalCode, string> = {
  malformed: 'Link refused',
  'bad-signature': 'Link refused',
  'not-issued': 'Link refused',
  'wrong-principal': 'Link refused',
  'not-in-reviewer-group': 'Link refused',
  'self-review': 'Review refused',
  csrf: 'Request refused',
  expired: 'Link no longer valid',
  revoked: 'Link no longer valid',
  'already-decided': 'Already decided',
  'review-closed': 'Review closed',
};

export const refusalTitle = (code: RefusalCode) => TITLES[code];

/** The audit record of a refused link whose signature verified: its claims, the reason as a code, never the token. */
export function refusalRecord(code: RefusalCode, claims: LinkClaims, at: string): ReviewRecord {
  return {
    kind: 'review',
    timestamp: at,
    event: 'link-refused',
    pipeline: claims.pipeline,
    instanceId: claims.instanceId,
    subjectId: claims.reviewId,
    reviewer: claims.reviewer,
    reason: code,
  };
}
