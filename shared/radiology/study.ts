import { z } from 'zod';
import { modalitySchema, sexSchema } from './codes';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD');

export const findingSchema = z.object({
  system: z.string().min(2).max(60).describe('organ system or organ, e.g. "lungs", "pleura", "brain"'),
  observation: z.string().min(2).max(300),
  laterality: z.enum(['left', 'right', 'bilateral', 'midline', 'none']).default('none'),
  sizeMm: z.number().positive().max(2000).optional(),
  severity: z.enum(['normal', 'mild', 'moderate', 'severe', 'critical']).default('mild'),
  /** A pertinent negative: "no pneumothorax". */
  negated: z.boolean().default(false),
  /** Compared with the prior study. */
  change: z.enum(['new', 'unchanged', 'increased', 'decreased', 'resolved']).optional(),
});

/** What PACS "Generate Report" sends: demographics, the exam, and the radiologist's findings and/or dictation. */
export const studySchema = z
  .object({
    patient: z.object({
      name: z.string().min(2).max(120),
      mrn: z.string().regex(/^[A-Za-z0-9-]{4,32}$/, 'letters, digits and dashes (4–32)'),
      dob: date,
      sex: sexSchema,
      /** The patient's other identifiers (national number, other facilities' MRNs): never shown, only removed from text. */
      otherIds: z.array(z.string().trim().min(1).max(64)).max(20).default([]),
    }),
    accessionNumber: z.string().regex(/^[A-Za-z0-9-]{4,32}$/, 'letters, digits and dashes (4–32)'),
    modality: modalitySchema,
    bodyPart: z.string().min(2).max(60),
    examDescription: z.string().min(3).max(200),
    studyDate: date,
    clinicalIndication: z.string().max(1000).default(''),
    comparison: z.string().max(300).default('None.'),
    technique: z
      .object({
        contrast: z.enum(['none', 'iv', 'oral', 'iv-and-oral']).default('none'),
        doseMgy: z.number().positive().optional(),
        route: z.string().max(60).optional(),
      })
      .default({ contrast: 'none' }),
    findings: z.array(findingSchema).max(60).default([]),
    dictation: z.string().max(20_000).default(''),
    referringPhysician: z.string().max(120).optional(),
  })
  .refine((s) => s.findings.length > 0 || s.dictation.trim().length > 0, {
    message: 'give structured findings or dictation notes',
    path: ['findings'],
  });

export type Study = z.output<typeof studySchema>;
export type Finding = z.output<typeof findingSchema>;
export type StudyInput = z.input<typeof studySchema>;
