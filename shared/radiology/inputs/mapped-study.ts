import { UserError } from '../../errors';
import type { RadiologyIntake } from '../intake';
import { type StudyInput, studySchema } from '../study';

/** Where each study field came from in the sender's message, e.g. `patient.mrn` → `PID-3 (patient identifier list)`. */
export type StudyOrigins = Record<string, string>;

/**
 * Validates a study mapped from HL7 v2 or FHIR with the same schema as a JSON study, so everything after intake is
 * unchanged; a fault is reported at the sender's segment/field or FHIR element, not at our field name.
 */
export function validateMappedStudy(input: StudyInput, origins: StudyOrigins, source: string): RadiologyIntake {
  const parsed = studySchema.safeParse(input);
  if (parsed.success) return { study: parsed.data };
  const issue = parsed.error.issues[0]!;
  const path = issue.path.map(String);
  let origin: string | undefined;
  for (let n = path.length; n > 0 && origin === undefined; n--) origin = origins[path.slice(0, n).join('.')];
  throw new UserError(
    `${issue.message} (mapped to the study's ${path.join('.') || 'body'})`,
    origin ?? (path.join('.') || source),
  );
}

/** A date (YYYY-MM-DD) from an HL7 DTM/TS (YYYYMMDD[HHMM…]) or a FHIR date/dateTime; '' when it has no full day. */
export function dayOf(value: string): string {
  const hl7 = /^(\d{4})(\d{2})(\d{2})/.exec(value);
  if (hl7) return `${hl7[1]}-${hl7[2]}-${hl7[3]}`;
  const fhir = /^(\d{4}-\d{2}-\d{2})/.exec(value);
  return fhir ? fhir[1]! : value;
}

/** Contrast as an order's procedure text says it ("CT chest with contrast", "W/O CONTRAST", "WITH AND WITHOUT"). */
export function contrastOf(text: string): 'none' | 'iv' | 'oral' | 'iv-and-oral' {
  const t = text.toLowerCase();
  if (/\b(?:w\/o|wo|without|non[- ]?contrast|no contrast)\b/.test(t) && !/\bwith and without\b|\bw\/wo\b/.test(t))
    return 'none';
  const oral = /\boral contrast\b/.test(t);
  const iv = /\b(?:with|w\/?|w)\s+(?:iv\s+)?contrast\b|\biv contrast\b|\bwith and without\b|\bw\/wo\b/.test(t);
  if (iv && oral) return 'iv-and-oral';
  if (oral) return 'oral';
  return iv ? 'iv' : 'none';
}

/** Joins the non-empty parts of a free-text field. */
export const joinText = (parts: (string | undefined)[], separator = ' ') =>
  parts
    .map((p) => p?.trim() ?? '')
    .filter(Boolean)
    .join(separator);
