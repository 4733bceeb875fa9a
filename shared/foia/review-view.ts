import { z } from 'zod';
import { UserError } from '../errors';
import { escapeHtml } from '../review/html';
import type { ReviewView } from '../review/view';
import { CATEGORIES, EXEMPTION, type Span } from './types';

export interface FoiaReviewDraft {
  requestId: string;
  documentName: string;
  text: string;
  recommendations: (Span & { id: string })[];
}

export interface FoiaDecisions {
  decisions: { id: string; action: 'accept' | 'reject'; exemption?: string }[];
  added: { start: number; end: number; category: (typeof CATEGORIES)[number]; exemption: string; reason: string }[];
}

const EXEMPTIONS = ['(b)(1)', '(b)(3)', '(b)(4)', '(b)(5)', '(b)(6)', '(b)(7)(C)', '(b)(7)(D)', '(b)(7)(E)'];

function highlighted(d: FoiaReviewDraft): string {
  let html = '';
  let at = 0;
  for (const r of [...d.recommendations].sort((a, b) => a.start - b.start)) {
    if (r.start < at) continue;
    html += `${escapeHtml(d.text.slice(at, r.start))}<mark title="${escapeHtml(`${r.category} ${r.exemption}`)}" id="m-${escapeHtml(r.id)}">${escapeHtml(d.text.slice(r.start, r.end))}</mark>`;
    at = r.end;
  }
  return html + escapeHtml(d.text.slice(at));
}

/** The legal reviewer's view: the document with each proposal highlighted; accept/reject each (low confidence first), add new ones. */
export const foiaView: ReviewView<FoiaReviewDraft, FoiaDecisions> = {
  pipeline: 'foia',
  title: (d) => `FOIA ${d.requestId}: ${d.documentName}`,
  render(d) {
    const rows = [...d.recommendations]
      .sort((a, b) => a.confidence - b.confidence)
      .map(
        (
          r,
        ) => `<tr><td><a href="#m-${escapeHtml(r.id)}">${escapeHtml(r.text.slice(0, 80))}</a></td><td>${escapeHtml(r.category)}</td><td>${escapeHtml(r.exemption)}</td><td>${r.confidence.toFixed(2)}</td><td>${escapeHtml(r.reason)}</td>
<td><label><input type="radio" name="item-${escapeHtml(r.id)}" value="accept" checked> accept</label> <label><input type="radio" name="item-${escapeHtml(r.id)}" value="reject"> reject</label></td></tr>`,
      )
      .join('');
    const options = CATEGORIES.map((c) => `<option value="${c}">${c}</option>`).join('');
    return `<h2>Proposed redactions (lowest confidence first)</h2>
<table><thead><tr><th scope="col">Text</th><th scope="col">Category</th><th scope="col">Exemption</th><th scope="col">Confidence</th><th scope="col">Reason</th><th scope="col">Decision</th></tr></thead><tbody>${rows}</tbody></table>
<h2>Document</h2><pre style="white-space:pre-wrap" id="document">${highlighted(d)}</pre>
<h2>Add a redaction</h2>
<label for="add-text">Exact text to redact (select it in the document)</label><input type="text" id="add-text" name="addText">
<label for="add-category">Category</label><select id="add-category" name="addCategory">${options}</select>
<label for="add-reason">Reason</label><input type="text" id="add-reason" name="addReason">`;
  },
  parseModification(form, draft) {
    const decisions = draft.recommendations.map((r) => {
      const action = form.get(`item-${r.id}`) ?? 'accept';
      if (action !== 'accept' && action !== 'reject') throw new UserError('must be accept or reject', `item-${r.id}`);
      return { id: r.id, action: action as 'accept' | 'reject' };
    });
    const added: FoiaDecisions['added'] = [];
    const text = (form.get('addText') ?? '').trim();
    if (text) {
      const at = draft.text.indexOf(text);
      if (at < 0) throw new UserError('is not in the document (copy it exactly)', 'addText');
      const category = z.enum(CATEGORIES).safeParse(form.get('addCategory'));
      if (!category.success) throw new UserError('choose a category', 'addCategory');
      const reason = (form.get('addReason') ?? '').trim();
      if (reason.length < 3) throw new UserError('say why it is withheld', 'addReason');
      added.push({
        start: at,
        end: at + text.length,
        category: category.data,
        exemption: EXEMPTION[category.data],
        reason,
      });
    }
    if (!added.every((a) => EXEMPTIONS.includes(a.exemption))) throw new UserError('unknown exemption', 'addCategory');
    return { decisions, added };
  },
};
