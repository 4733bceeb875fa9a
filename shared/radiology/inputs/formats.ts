import { UserError } from '../../errors';
import { parseJsonText } from '../../http/body';
import { parseRadiologyRequest, type RadiologyIntake } from '../intake';
import { studyFromFhirBundle } from './fhir-study';
import { unframe } from './hl7v2-grammar';
import { studyFromHl7v2 } from './hl7v2-order';

/** `json` is our study or, when it has a resourceType, a FHIR Bundle. */
export type RadiologyFormat = 'json' | 'fhir' | 'hl7v2';

const HL7_TYPES = ['x-application/hl7-v2+er7', 'application/hl7-v2', 'application/hl7-v2+er7'];
const ACCEPTED = 'application/json (a study or a FHIR Bundle), application/fhir+json, application/hl7-v2 (ER7)';

/** An unsupported media type, for a 415 that names the header. */
export class UnsupportedMediaType extends UserError {}

const startsWithMsh = (text: string) => unframe(text).trimStart().startsWith('MSH');

/** Media types of formats Enclave does not read (FHIR XML, forms with files, documents). */
const REFUSED_TYPES = /(?:[/+]xml$|^multipart\/|^application\/(?:pdf|octet-stream)$|^image\/)/;

/**
 * The format an HTTP body is in, from its Content-Type. The FHIR and HL7 types are taken as declared; any other
 * (none, application/json, text/plain as fetch sends a string, a form type as `curl -d` sends) is read as HL7 v2
 * when it starts with MSH and as JSON otherwise, as before.
 */
export function formatOfContentType(contentType: string | null | undefined, text: string): RadiologyFormat {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'application/fhir+json') return 'fhir';
  if (HL7_TYPES.includes(type)) return 'hl7v2';
  if (REFUSED_TYPES.test(type))
    throw new UnsupportedMediaType(
      `${JSON.stringify(type.slice(0, 80))} is not accepted; send ${ACCEPTED}`,
      'content-type',
    );
  return startsWithMsh(text) ? 'hl7v2' : 'json';
}

/** The format an inbox blob is in, from its name: `.hl7`, `.fhir.json`, else JSON. */
export function formatOfBlobName(name: string): RadiologyFormat {
  const lower = name.toLowerCase();
  if (lower.endsWith('.hl7')) return 'hl7v2';
  if (lower.endsWith('.fhir.json')) return 'fhir';
  return 'json';
}

/** Reads a submission in any accepted format as the validated study; errors name the field, segment or element. */
export function readRadiologyInput(text: string, format: RadiologyFormat, source: string): RadiologyIntake {
  if (format === 'hl7v2') return studyFromHl7v2(text, source);
  const json = parseJsonText(text, source);
  if (!json.ok) throw new UserError(json.refusal.jsonBody.error);
  const value = json.value as { resourceType?: unknown } | null;
  const isFhir = value !== null && typeof value === 'object' && !Array.isArray(value) && 'resourceType' in value;
  if (format === 'fhir' || isFhir) return studyFromFhirBundle(json.value, source);
  return parseRadiologyRequest(json.value, source);
}
