import { z } from 'zod';
import { UserError } from '../errors';
import { escapeHtml } from './html';
import type { ReviewView } from './view';

const genericDraft = z.object({ title: z.string(), text: z.string() });
type GenericDraft = z.infer<typeof genericDraft>;

/** Any pipeline without a view of its own: the draft as editable text. */
export const genericView: ReviewView<GenericDraft, { text: string }> = {
  pipeline: 'generic',
  title: (draft) => draft.title,
  render: (draft) =>
    `<label for="text">Draft</label><textarea id="text" name="text" rows="16">${escapeHtml(draft.text)}</textarea>`,
  parseModification(form) {
    const text = form.get('text')?.replace(/\r\n/g, '\n');
    if (text === undefined || text.trim() === '') throw new UserError('the edited draft must not be empty', 'text');
    return { text };
  },
};

const views = new Map<string, ReviewView<unknown, unknown>>();

/** Pipelines register their view; the review page and sub-orchestration know nothing else of them. */
export function registerView<D, M>(view: ReviewView<D, M>): void {
  views.set(view.pipeline, view as ReviewView<unknown, unknown>);
}

/** The inline scripts views may add: the review page's CSP allows exactly these, by hash. */
export function viewScripts(): string[] {
  return [...views.values(), genericView].flatMap((v) => (v.script ? [v.script] : []));
}

export function viewFor(pipeline: string): ReviewView<unknown, unknown> {
  return views.get(pipeline) ?? (genericView as ReviewView<unknown, unknown>);
}
