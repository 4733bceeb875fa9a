import type { DeidentifiedStudy } from '../../../shared/radiology/deidentify';
import type { DraftReport } from '../../../shared/radiology/report';
import type { Finding } from '../../../shared/radiology/study';
import type { DomainEngine } from './types';

const SEVERITY_RANK: Record<Finding['severity'], number> = { critical: 4, severe: 3, moderate: 2, mild: 1, normal: 0 };
const CONTRAST = {
  none: 'without intravenous contrast',
  iv: 'with intravenous contrast',
  oral: 'with oral contrast',
  'iv-and-oral': 'with intravenous and oral contrast',
};

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const size = (mm?: number) =>
  mm === undefined ? '' : mm >= 10 ? ` measuring ${(mm / 10).toFixed(1)} cm` : ` measuring ${mm} mm`;
const CHANGE: Record<string, string> = {
  new: 'new since the prior study',
  unchanged: 'unchanged from the prior study',
  increased: 'increased since the prior study',
  decreased: 'decreased since the prior study',
  resolved: 'resolved since the prior study',
};

function sentence(f: Finding): string {
  const obs = f.observation.trim().replace(/\.$/, '');
  if (f.negated) return `No ${obs.replace(/^no\s+/i, '')}.`;
  const side =
    f.laterality === 'none' || f.laterality === 'midline'
      ? ''
      : f.laterality === 'bilateral'
        ? 'Bilateral '
        : `${capital(f.laterality)} `;
  const change = f.change ? `, ${CHANGE[f.change]}` : '';
  return `${side ? side + obs : capital(obs)}${size(f.sizeMm)}${change}.`;
}

function recommendation(f: Finding): string | undefined {
  if (
    /nodule/i.test(f.observation) &&
    /lung|pulmonary/i.test(`${f.system} ${f.observation}`) &&
    f.sizeMm !== undefined
  ) {
    if (f.sizeMm < 6)
      return `Solid pulmonary nodule under 6 mm: no routine follow-up in a low-risk patient; optional CT at 12 months if high risk (Fleischner 2017).`;
    if (f.sizeMm <= 8) return `Solid pulmonary nodule of ${f.sizeMm} mm: CT at 6–12 months (Fleischner 2017).`;
    return `Solid pulmonary nodule over 8 mm: consider CT at 3 months, PET/CT or tissue sampling (Fleischner 2017).`;
  }
  if (f.severity === 'critical')
    return `${capital(f.observation)}: critical result (ACR category 1) — communicate directly to the referring clinician now and document the communication.`;
  return undefined;
}

/** Sentences of the dictation the structured findings do not already say. */
function dictationExtras(dictation: string, findings: Finding[]): string[] {
  const said = findings.map((f) => f.observation.toLowerCase());
  return dictation
    .split(/(?<=[.;])\s+|\n+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 3 && !said.some((o) => s.toLowerCase().includes(o.toLowerCase())));
}

/**
 * The radiology-draft engine: writes each report section from the de-identified structured study in the prompt —
 * laterality and sizes as given, comparison wording, pertinent negatives as negatives, impression ranked by
 * severity, Fleischner follow-up for lung nodules. A deterministic stand-in for a fine-tuned model.
 */
export const radiologyDraftEngine: DomainEngine = (request) => {
  const user = request.messages.find((m) => m.role === 'user')?.content ?? '';
  const json = user.slice(user.indexOf('{'));
  const study = JSON.parse(json) as DeidentifiedStudy;
  const bySystem = new Map<string, string[]>();
  for (const f of study.findings)
    bySystem.set(capital(f.system), [...(bySystem.get(capital(f.system)) ?? []), sentence(f)]);
  const extras = dictationExtras(study.dictation ?? '', study.findings);
  if (extras.length > 0)
    bySystem.set(
      'Additional (from dictation)',
      extras.map((s) => (/[.;]$/.test(s) ? s : `${s}.`)),
    );
  const positives = study.findings.filter((f) => !f.negated && f.severity !== 'normal' && f.change !== 'resolved');
  const ranked = [...positives].sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity]);
  const impression =
    ranked.length > 0
      ? ranked.map((f) => `${f.severity === 'critical' ? 'CRITICAL: ' : ''}${sentence(f)}`)
      : ['No acute abnormality.'];
  const t = study.technique ?? { contrast: 'none' };
  const report: DraftReport = {
    examination: `${study.examDescription.toUpperCase().startsWith(study.modality) ? study.examDescription : `${study.modality} ${study.examDescription}`} (${study.studyDate}).`,
    clinicalHistory: study.clinicalIndication?.trim() || 'Not provided.',
    comparison: study.comparison?.trim() || 'None.',
    technique: `${study.modality} of the ${study.bodyPart.toLowerCase()} ${CONTRAST[t.contrast]}${t.route ? ` (${t.route})` : ''}.${t.doseMgy ? ` Dose: ${t.doseMgy} mGy.` : ''}`,
    findings: [...bySystem.entries()].map(([system, sentences]) => ({ system, text: sentences.join(' ') })),
    impression,
    recommendations: ranked.map(recommendation).filter((r): r is string => r !== undefined),
  };
  if (report.findings.length === 0) report.findings.push({ system: 'General', text: 'No abnormality reported.' });
  return { content: JSON.stringify(report) };
};
