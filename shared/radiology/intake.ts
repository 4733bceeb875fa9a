import { z } from 'zod';
import { UserError } from '../errors';
import { type Study, studySchema } from './study';

const envelope = z.object({
  reviewer: z.string().email().optional(),
  backupReviewer: z.string().email().optional(),
  requestedBy: z
    .string()
    .regex(/^[\w.@-]{1,120}$/)
    .optional(),
});

export interface RadiologyIntake {
  study: Study;
  reviewer?: string;
  backupReviewer?: string;
  requestedBy?: string;
}

/** Validates a PACS request (HTTP body or inbox blob); the error names the field. */
export function parseRadiologyRequest(raw: unknown, source: string): RadiologyIntake {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
    throw new UserError('must be a JSON object (a study)', source);
  const parsed = studySchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new UserError(issue.message, issue.path.join('.') || source);
  }
  const extra = envelope.safeParse(raw);
  if (!extra.success) {
    const issue = extra.error.issues[0]!;
    throw new UserError(issue.message, issue.path.join('.'));
  }
  return { study: parsed.data, ...extra.data };
}
