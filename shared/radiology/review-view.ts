import { z } from 'zod';
import { UserError } from '../errors';
import { escapeHtml } from '../review/html';
import type { ReviewView } from '../review/view';
import type { CriticalFinding } from './critical';
import { SECTION_TITLES, SECTIONS, type SectionName } from './report';

export interface RadiologyReviewDraft {
  accession: string;
  patientLabel: string;
  exam: string;
  sections: Record<SectionName, string>;
  critical: CriticalFinding[];
}

const modifiedSchema = z.object(
  Object.fromEntries(SECTIONS.map((s) => [s, z.string().trim().min(1, 'must not be empty').max(20_000)])) as Record<
    SectionName,
    z.ZodString
  >,
);

/** The radiologist's view: every section editable, critical results flagged at the top. */
export const radiologyView: ReviewView<RadiologyReviewDraft, Record<SectionName, string>> = {
  pipeline: 'radiology',
  title: (d) => `Radiology report ${d.accession}`,
  render(d) {
    const critical = d.critical.length
      ? `<div class="critical" role="alert"><strong>Critical result${d.critical.length > 1 ? 's' : ''}:</strong> ${d.critical.map((c) => `${escapeHtml(c.name)} (ACR category ${c.acrCategory})`).join('; ')}</div>`
      : '';
    const fields = SECTIONS.map(
      (s) =>
        `<label for="section-${s}">${SECTION_TITLES[s]}</label><textarea id="section-${s}" name="${s}" rows="${s === 'findings' || s === 'impression' ? 8 : 2}">${escapeHtml(d.sections[s])}</textarea>`,
    ).join('\n');
    return `<p class="meta">${escapeHtml(d.patientLabel)} · ${escapeHtml(d.exam)}</p>${critical}${fields}`;
  },
  parseModification(form) {
    // Browsers submit textarea line breaks as CRLF; the signed report keeps LF.
    const values = Object.fromEntries(SECTIONS.map((s) => [s, (form.get(s) ?? '').replace(/\r\n/g, '\n')]));
    const parsed = modifiedSchema.safeParse(values);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new UserError(issue.message, String(issue.path[0]));
    }
    return parsed.data as Record<SectionName, string>;
  },
};
