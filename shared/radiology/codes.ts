import { z } from 'zod';

/**
 * Administrative sex as RIS/PACS send it: HL7 v2 table 0001 (F, M, O, U, A, N), FHIR AdministrativeGender
 * (female, male, other, unknown), any case. A (ambiguous) is `other` and N (not applicable) `unknown`, as HL7's
 * v2-to-FHIR map does.
 */
const SEX_CODES: Record<string, 'female' | 'male' | 'other' | 'unknown'> = {
  f: 'female',
  female: 'female',
  m: 'male',
  male: 'male',
  o: 'other',
  other: 'other',
  a: 'other',
  u: 'unknown',
  unknown: 'unknown',
  n: 'unknown',
};

export const sexSchema = z.preprocess(
  (value) => (typeof value === 'string' ? (SEX_CODES[value.trim().toLowerCase()] ?? value) : value),
  z.enum(['female', 'male', 'other', 'unknown'], {
    error: 'female, male, other or unknown (FHIR), or an HL7 v2 code F, M, O, U, A, N',
  }),
);

/** DICOM modality codes (0008,0060) that name one of ours differently: CR and DX are radiographs, PT is PET. */
const MODALITY_CODES: Record<string, string> = { CR: 'XR', DX: 'XR', PT: 'PET' };

export const modalitySchema = z.preprocess(
  (value) =>
    typeof value === 'string' ? (MODALITY_CODES[value.trim().toUpperCase()] ?? value.trim().toUpperCase()) : value,
  z.enum(['CT', 'MR', 'XR', 'US', 'NM', 'PET'], {
    error: 'CT, MR, XR, US, NM or PET (DICOM CR and DX are XR, PT is PET)',
  }),
);
