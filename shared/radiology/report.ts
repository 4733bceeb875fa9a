import { z } from 'zod';

export const SECTIONS = [
  'examination',
  'clinicalHistory',
  'comparison',
  'technique',
  'findings',
  'impression',
] as const;
export type SectionName = (typeof SECTIONS)[number];

export const SECTION_TITLES: Record<SectionName, string> = {
  examination: 'Examination',
  clinicalHistory: 'Clinical history',
  comparison: 'Comparison',
  technique: 'Technique',
  findings: 'Findings',
  impression: 'Impression',
};

/** The model's structured output: every section of a diagnostic radiology report. */
export const draftReportSchema = z.object({
  examination: z.string().min(1),
  clinicalHistory: z.string(),
  comparison: z.string(),
  technique: z.string(),
  findings: z.array(z.object({ system: z.string(), text: z.string() })).min(1),
  impression: z.array(z.string()).min(1),
  recommendations: z.array(z.string()).default([]),
});

export type DraftReport = z.output<typeof draftReportSchema>;

/** JSON schema handed to the model as `response_format` (kept beside the zod schema that checks the answer). */
export const DRAFT_JSON_SCHEMA = {
  name: 'radiology_report',
  strict: true,
  schema: {
    type: 'object',
    additionalProperties: false,
    required: [...SECTIONS, 'recommendations'],
    properties: {
      examination: { type: 'string' },
      clinicalHistory: { type: 'string' },
      comparison: { type: 'string' },
      technique: { type: 'string' },
      findings: {
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['system', 'text'],
          properties: { system: { type: 'string' }, text: { type: 'string' } },
        },
      },
      impression: { type: 'array', items: { type: 'string' } },
      recommendations: { type: 'array', items: { type: 'string' } },
    },
  },
};

/** The report as one text per section (what the reviewer edits and signs). */
export function reportSections(draft: DraftReport): Record<SectionName, string> {
  return {
    examination: draft.examination,
    clinicalHistory: draft.clinicalHistory,
    comparison: draft.comparison,
    technique: draft.technique,
    findings: draft.findings.map((f) => `${f.system}: ${f.text}`).join('\n'),
    impression: [
      ...draft.impression.map((s, i) => `${i + 1}. ${s}`),
      ...draft.recommendations.map((r) => `Recommendation: ${r}`),
    ].join('\n'),
  };
}

const FINDING_LINE = /^([A-Za-z][A-Za-z ()/-]{0,40}):\s+(.+)$/;

/** Reads signed section texts back into the model's output shape (the inverse of `reportSections`). */
export function draftFromSections(sections: Record<SectionName, string>): DraftReport {
  const lines = (text: string) =>
    text
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
  const findings: DraftReport['findings'] = [];
  for (const line of lines(sections.findings)) {
    const m = FINDING_LINE.exec(line);
    const last = findings.at(-1);
    if (m) findings.push({ system: m[1]!, text: m[2]! });
    else if (last) last.text = `${last.text} ${line}`;
    else findings.push({ system: 'Findings', text: line });
  }
  const impression: string[] = [];
  const recommendations: string[] = [];
  for (const line of lines(sections.impression)) {
    const rec = /^Recommendation:\s*(.+)$/i.exec(line);
    if (rec) recommendations.push(rec[1]!);
    else impression.push(line.replace(/^\d+[.)]\s*/, ''));
  }
  return {
    examination: sections.examination,
    clinicalHistory: sections.clinicalHistory,
    comparison: sections.comparison,
    technique: sections.technique,
    findings: findings.length > 0 ? findings : [{ system: 'Findings', text: sections.findings.trim() }],
    impression: impression.length > 0 ? impression : [sections.impression.trim()],
    recommendations,
  };
}
