import { UserError } from '../errors';
import { escapeHtml } from '../review/html';
import type { ReviewView } from '../review/view';
import type { FactsSheet } from './facts';
import { checkNarrativeGrounding } from './grounding';
import { backtestSvg, desksSvg, distributionSvg, headlineRows } from './report';

export interface VarReviewDraft {
  date: string;
  facts: FactsSheet;
  narrative: string;
  flags: string[];
}

/** The risk manager's view: headline figures, charts, the narrative (editable, re-checked against the facts). */
export const varView: ReviewView<VarReviewDraft, { narrative: string }> = {
  pipeline: 'var',
  title: (d) => `VaR report ${d.date}`,
  render(d) {
    const rows = headlineRows(d.facts)
      .map(([k, v]) => `<tr><th scope="row">${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`)
      .join('');
    const flags = d.flags.length
      ? `<div class="critical" role="alert">${d.flags.map(escapeHtml).join('<br>')}</div>`
      : '';
    return `${flags}<h2>Headline figures</h2><table>${rows}</table><h2>P&amp;L distribution</h2>${distributionSvg(d.facts)}<h2>Contribution by desk</h2>${desksSvg(d.facts)}<h2>Backtest exceptions</h2>${backtestSvg(d.facts)}
<label for="narrative">Executive summary</label><textarea id="narrative" name="narrative" rows="10">${escapeHtml(d.narrative)}</textarea>`;
  },
  parseModification(form, draft) {
    const narrative = (form.get('narrative') ?? '').replace(/\r\n/g, '\n').trim();
    if (narrative.length < 20) throw new UserError('the summary must not be empty', 'narrative');
    const grounding = checkNarrativeGrounding(narrative, draft.facts);
    if (!grounding.grounded)
      throw new UserError(`these figures are not in the facts sheet: ${grounding.unmatched.join(', ')}`, 'narrative');
    return { narrative };
  },
};
