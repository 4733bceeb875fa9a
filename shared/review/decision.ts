import { createHash } from 'node:crypto';
import { UserError } from '../errors';
import { sha256 } from '../storage/sha256';
import type { ReviewView } from './view';

export interface ReviewDecisionEvent {
  reviewId: string;
  nonce: string;
  reviewer: string;
  decision: 'approved' | 'modified' | 'rejected';
  content?: unknown;
  reason?: string;
  /** SHA-256 of the reject reason: what the audit keeps instead of the reason's text. */
  reasonSha256?: string;
  /** SHA-256 of the change from draft to final (empty diff for approve/reject). */
  diffSha256: string;
  decidedAt: string;
  openedAt?: string;
}

export const REVIEW_EVENT = 'ReviewDecision';

export function diffSha256(draft: unknown, final: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify({ from: draft, to: final }))
    .digest('hex');
}

/** Reads the posted form: approve, modify (the view parses the edits), or reject with a reason. */
export function parseDecision(form: URLSearchParams, view: ReviewView<unknown, unknown>, draft: unknown) {
  const action = form.get('decision');
  if (action === 'approve') return { decision: 'approved' as const, diffSha256: diffSha256(draft, draft) };
  if (action === 'reject') {
    const reason = (form.get('reason') ?? '').trim();
    if (reason.length < 3) throw new UserError('say why you send it back (at least a few words)', 'reason');
    if (reason.length > 2000) throw new UserError('keep the reason under 2,000 characters', 'reason');
    return {
      decision: 'rejected' as const,
      reason,
      reasonSha256: sha256(reason),
      diffSha256: diffSha256(draft, draft),
    };
  }
  if (action === 'modify') {
    const content = view.parseModification(form, draft);
    return { decision: 'modified' as const, content, diffSha256: diffSha256(draft, content) };
  }
  throw new UserError('choose approve, modify or reject', 'decision');
}
