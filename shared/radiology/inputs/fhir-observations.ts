import type { DiagnosticReport, Observation } from 'fhir/r4';
import { conceptText, type Located, listAt, textAt } from './fhir-bundle';
import { dayOf, joinText } from './mapped-study';

/** Observation statuses that withdraw a finding. */
const WITHDRAWN = new Set(['entered-in-error', 'cancelled']);

/**
 * The radiologist's findings as dictation lines ("Pleura, right: tension pneumothorax."), one per Observation.
 * Free text, not structured findings: an Observation does not say severity or negation the way the study schema
 * does, and dictation is read by critical-result detection and de-identification the same way.
 */
export function findingsText(observations: Located<Observation>[]): string {
  const lines: string[] = [];
  for (const { resource: o, path } of observations) {
    if (WITHDRAWN.has(textAt(o.status, `${path}.status`))) continue;
    const what = conceptText(o.code, `${path}.code`);
    const where = conceptText(o.bodySite, `${path}.bodySite`);
    const value =
      textAt(o.valueString, `${path}.valueString`) ||
      conceptText(o.valueCodeableConcept, `${path}.valueCodeableConcept`) ||
      (o.valueQuantity ? `${o.valueQuantity.value ?? ''} ${o.valueQuantity.unit ?? ''}`.trim() : '');
    const notes = listAt(o.note, `${path}.note`).map((n, i) => textAt(n.text, `${path}.note[${i}].text`));
    const label = joinText([where, where && what ? `(${what})` : what]);
    const said = joinText([value, ...notes]);
    if (said) lines.push(label ? `${label}: ${said}` : said);
  }
  return lines.join('\n');
}

/** Prior DiagnosticReports as the comparison line ("CT chest of 2024-03-03."), or undefined.
 * The prior's conclusion is not carried: the radiologist compares images, and the line must stay short. */
export function priorText(reports: Located<DiagnosticReport>[]): { text: string; path: string } | undefined {
  if (reports.length === 0) return undefined;
  const lines = reports.map(({ resource: r, path }) => {
    const what = conceptText(r.code, `${path}.code`) || 'Prior study';
    const when = dayOf(textAt(r.effectiveDateTime, `${path}.effectiveDateTime`));
    return when ? `${what} of ${when}.` : `${what}.`;
  });
  return { text: joinText(lines), path: reports[0]!.path };
}
