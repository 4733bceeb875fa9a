import { UserError } from '../errors';
import { type Study, studySchema } from './study';

/** Fields a submitter might send to choose who reviews or who it is: they come from configuration and identity. */
const REFUSED_FIELDS = {
  reviewer: 'reviewers come from configuration (RADIOLOGY_REVIEWER), never from the request',
  backupReviewer: 'the backup reviewer comes from configuration (RADIOLOGY_BACKUP_REVIEWER), never from the request',
  requestedBy: 'the submitter is the authenticated caller, never a field of the request',
} as const;

export interface RadiologyIntake {
  study: Study;
}

/** Validates a PACS request (HTTP body or inbox blob); the error names the field. */
export function parseRadiologyRequest(raw: unknown, source: string): RadiologyIntake {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
    throw new UserError('must be a JSON object (a study)', source);
  for (const [field, why] of Object.entries(REFUSED_FIELDS))
    if (field in raw) throw new UserError(`${why}: remove the field`, field);
  const parsed = studySchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new UserError(issue.message, issue.path.join('.') || source);
  }
  return { study: parsed.data };
}
