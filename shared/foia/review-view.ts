import { z } from 'zod';
import { UserError } from '../errors';
import { escapeHtml } from '../review/html';
import type { ReviewView } from '../review/view';
import type { FoiaDecisions } from './decisions';
import { EXEMPTIONS, isExemption } from './exemptions';
import { occurrences } from './occurrences';
import { redactedRegions } from './regions';
import { CATEGORIES, EXEMPTION, type Span } from './types';

export type { FoiaDecisions } from './decisions';

export interface FoiaReviewDraft {
  requestId: string;
  documentName: string;
  text: string;
  recommendations: (Span & { id: string })[];
}

/** The document with each withheld region highlighted once, even where recommendations overlap. */
function highlighted(d: FoiaReviewDraft): string {
  let html = '';
  let at = 0;
  for (const region of redactedRegions(d.recommendations)) {
    const inside = d.recommendations.filter((r) => r.start < region.end && r.end > region.start);
    const anchors = inside.map((r) => `<span id="m-${escapeHtml(r.id)}"></span>`).join('');
    const title = inside.map((r) => `${r.category} ${r.exemption}`).join('; ');
    html += `${escapeHtml(d.text.slice(at, region.start))}<mark title="${escapeHtml(title)}">${anchors}${escapeHtml(d.text.slice(region.start, region.end))}</mark>`;
    at = region.end;
  }
  return html + escapeHtml(d.text.slice(at));
}

/** The exemption list for one item (codes only: a long document has thousands of rows); a code the model cited outside the list stays selectable. */
function exemptionSelect(r: Span & { id: string }): string {
  const codes = isExemption(r.exemption) ? Object.keys(EXEMPTIONS) : [r.exemption, ...Object.keys(EXEMPTIONS)];
  const options = codes
    .map(
      (code) =>
        `<option value="${escapeHtml(code)}"${code === r.exemption ? ' selected' : ''}>${escapeHtml(code)}</option>`,
    )
    .join('');
  return `<select name="exemption-${escapeHtml(r.id)}" aria-label="Exemption for item ${escapeHtml(r.id)}">${options}</select>`;
}

function row(r: Span & { id: string }): string {
  const id = escapeHtml(r.id);
  return `<tr><td><a href="#m-${id}">${escapeHtml(r.text.slice(0, 80))}</a></td><td>${escapeHtml(r.category)}</td><td>${exemptionSelect(r)}</td><td>${r.confidence.toFixed(2)}</td><td>${escapeHtml(r.reason)}</td>
<td><label><input type="radio" name="item-${id}" value="accept" checked> accept</label> <label><input type="radio" name="item-${id}" value="reject"> reject</label></td></tr>`;
}

function parseDecision(form: URLSearchParams, r: Span & { id: string }): FoiaDecisions['decisions'][number] {
  const action = form.get(`item-${r.id}`) ?? 'accept';
  if (action !== 'accept' && action !== 'reject') throw new UserError('must be accept or reject', `item-${r.id}`);
  const exemption = form.get(`exemption-${r.id}`) ?? r.exemption;
  if (exemption === r.exemption || action === 'reject') return { id: r.id, action };
  if (!isExemption(exemption)) throw new UserError('choose an exemption from the list', `exemption-${r.id}`);
  return { id: r.id, action, exemption };
}

/** The reviewer's addition: every occurrence of the text is withheld, not only the first. */
function parseAdded(form: URLSearchParams, draft: FoiaReviewDraft): FoiaDecisions['added'] {
  const text = (form.get('addText') ?? '').trim();
  if (!text) return [];
  const found = occurrences(draft.text, text);
  if (found.length === 0) throw new UserError('is not in the document (copy it exactly)', 'addText');
  const category = z.enum(CATEGORIES).safeParse(form.get('addCategory'));
  if (!category.success) throw new UserError('choose a category', 'addCategory');
  const reason = (form.get('addReason') ?? '').trim();
  if (reason.length < 3) throw new UserError('say why it is withheld', 'addReason');
  const exemption = form.get('addExemption') || EXEMPTION[category.data];
  if (!isExemption(exemption)) throw new UserError('choose an exemption from the list', 'addExemption');
  return found.map((start) => ({ start, end: start + text.length, category: category.data, exemption, reason }));
}

/** Selecting text in the document (mouse or keyboard) puts it in the "add a redaction" box. */
const SELECT_TO_ADD =
  "(function(){var d=document.getElementById('document'),t=document.getElementById('add-text');if(!d||!t)return;" +
  'function take(){var s=window.getSelection();if(!s||s.isCollapsed||!d.contains(s.anchorNode)||!d.contains(s.focusNode))return;' +
  "var v=s.toString().trim();if(v)t.value=v;}d.addEventListener('mouseup',take);d.addEventListener('keyup',take);})();";

/**
 * The legal reviewer's view: the document with each proposal highlighted; accept or reject each (low confidence
 * first) and change the exemption it is withheld under; add new ones (type them, or select them in the document).
 */

export const foiaView: ReviewView<FoiaReviewDraft, FoiaDecisions> = {
  pipeline: 'foia',
  title: (d) => `FOIA ${d.requestId}: ${d.documentName}`,
  render(d) {
    const rows = [...d.recommendations]
      .sort((a, b) => a.confidence - b.confidence)
      .map(row)
      .join('');
    const categories = CATEGORIES.map((c) => `<option value="${c}">${c}</option>`).join('');
    const exemptions = Object.entries(EXEMPTIONS)
      .map(([code, what]) => `<option value="${escapeHtml(code)}">${escapeHtml(code)} ${escapeHtml(what)}</option>`)
      .join('');
    return `<h2>Proposed redactions (lowest confidence first)</h2>
<table><thead><tr><th scope="col">Text</th><th scope="col">Category</th><th scope="col">Exemption</th><th scope="col">Confidence</th><th scope="col">Reason</th><th scope="col">Decision</th></tr></thead><tbody>${rows}</tbody></table>
<h2>Document</h2><pre style="white-space:pre-wrap" id="document">${highlighted(d)}</pre>
<h2>Add a redaction</h2>
<p id="add-help">Every occurrence of this text in the document is redacted, not only the first.</p>
<label for="add-text">Exact text to redact (select it in the document)</label><input type="text" id="add-text" name="addText" aria-describedby="add-help">
<label for="add-category">Category</label><select id="add-category" name="addCategory">${categories}</select>
<label for="add-exemption">Exemption cited (optional)</label><select id="add-exemption" name="addExemption"><option value="">the usual one for the chosen kind</option>${exemptions}</select>
<label for="add-reason">Reason</label><input type="text" id="add-reason" name="addReason">`;
  },
  parseModification(form, draft) {
    return { decisions: draft.recommendations.map((r) => parseDecision(form, r)), added: parseAdded(form, draft) };
  },
  script: SELECT_TO_ADD,
};
