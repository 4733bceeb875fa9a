import { escapeHtml, layout } from './html';
import type { LinkClaims } from './token';
import type { ReviewView } from './view';

export function reviewPage(input: {
  claims: LinkClaims;
  view: ReviewView<unknown, unknown>;
  draft: unknown;
  csrf: string;
  action: string;
  /** The link's token, carried in the form (never in the URL) to the decision. */
  token: string;
  error?: { field?: string; message: string };
}): string {
  const { claims, view, draft } = input;
  const title = view.title(draft);
  const error = input.error
    ? `<p class="error" role="alert" id="form-error">${escapeHtml(input.error.field ? `${input.error.field}: ` : '')}${escapeHtml(input.error.message)}</p>`
    : '';
  return layout(
    title,
    `<h1>${escapeHtml(title)}</h1>
<p class="meta">Review for <strong>${escapeHtml(claims.reviewer)}</strong> · ${escapeHtml(claims.pipeline)} · link valid until ${escapeHtml(new Date(claims.expiresAt).toISOString().replace('T', ' ').slice(0, 16))} UTC</p>
${error}
<form method="post" action="${escapeHtml(input.action)}" aria-describedby="${input.error ? 'form-error' : ''}">
<input type="hidden" name="csrf" value="${escapeHtml(input.csrf)}">
<input type="hidden" name="t" value="${escapeHtml(input.token)}">
<div class="card">${view.render(draft)}</div>
<div class="card"><label for="reason">Reason (required to send back)</label>
<textarea id="reason" name="reason" rows="3"></textarea></div>
<div class="actions">
<button type="submit" name="decision" value="approve">Approve as drafted</button>
<button type="submit" name="decision" value="modify" class="secondary">Save my edits and approve</button>
<button type="submit" name="decision" value="reject" class="danger">Send back</button>
</div></form>${view.script ? `<script>${view.script}</script>` : ''}`,
  );
}

export function messagePage(title: string, text: string, kind: 'done' | 'error' = 'error'): string {
  return layout(
    title,
    `<h1>${escapeHtml(title)}</h1><p class="${kind === 'done' ? 'done' : 'error'}" role="status">${escapeHtml(text)}</p>`,
  );
}
