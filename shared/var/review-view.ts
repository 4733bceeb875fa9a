import { UserError } from '../errors';
import { escapeHtml } from '../review/html';
import type { ReviewView } from '../review/view';
import type { FactsSheet } from './facts';
import { checkNarrativeGrounding } from './grounding';
import { flagsHtml, reportBodyHtml } from './report';

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
    return `${flagsHtml(d.flags)}${reportBodyHtml(d.facts)}
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
