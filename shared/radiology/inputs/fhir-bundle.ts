import type { FhirResource, Reference } from 'fhir/r4';
import { UserError } from '../../errors';

/** A resource with the FHIRPath-like place it was found, e.g. `Bundle.entry[2].resource(ImagingStudy)`. */
export interface Located<T extends FhirResource = FhirResource> {
  resource: T;
  path: string;
}

const BUNDLE_TYPES = ['collection', 'transaction', 'message', 'batch', 'document'];

/** The entries of a FHIR R4 Bundle, addressable by fullUrl, `Type/id` and (inside a resource) `#contained-id`. */
export class BundleIndex {
  readonly entries: Located[] = [];
  private readonly byUrl = new Map<string, Located>();

  constructor(raw: unknown) {
    const bundle = objectAt(raw, 'Bundle');
    if (bundle.resourceType !== 'Bundle')
      throw new UserError(
        `expected "Bundle", found ${JSON.stringify(bundle.resourceType ?? null)}; send the order as a Bundle of Patient, ServiceRequest and ImagingStudy`,
        'Bundle.resourceType',
      );
    if (typeof bundle.type !== 'string' || !BUNDLE_TYPES.includes(bundle.type))
      throw new UserError(`must be one of ${BUNDLE_TYPES.join(', ')}`, 'Bundle.type');
    if (!Array.isArray(bundle.entry)) throw new UserError('must be an array of entries', 'Bundle.entry');
    bundle.entry.forEach((rawEntry, i) => this.add(rawEntry, i));
  }

  private add(rawEntry: unknown, i: number): void {
    const entry = objectAt(rawEntry, `Bundle.entry[${i}]`);
    const resource = objectAt(entry.resource, `Bundle.entry[${i}].resource`);
    if (typeof resource.resourceType !== 'string')
      throw new UserError('must be a string', `Bundle.entry[${i}].resource.resourceType`);
    const located: Located = {
      resource: resource as unknown as FhirResource,
      path: `Bundle.entry[${i}].resource(${resource.resourceType})`,
    };
    this.entries.push(located);
    const keys = [typeof entry.fullUrl === 'string' ? entry.fullUrl : undefined];
    if (typeof resource.id === 'string') keys.push(`${resource.resourceType}/${resource.id}`);
    for (const key of keys) {
      if (!key) continue;
      if (this.byUrl.has(key))
        throw new UserError(
          `${JSON.stringify(key)} names two entries (${this.byUrl.get(key)!.path} and ${located.path})`,
          `Bundle.entry[${i}]`,
        );
      this.byUrl.set(key, located);
    }
  }

  ofType<T extends FhirResource>(type: T['resourceType']): Located<T>[] {
    return this.entries.filter((e) => e.resource.resourceType === type) as Located<T>[];
  }

  /** The resource a Reference points at, checked to be one of `expected`; the error names the referring element. */
  resolve<T extends FhirResource>(
    ref: Reference | undefined,
    from: Located,
    element: string,
    expected: T['resourceType'][],
  ): Located<T> {
    const where = `${from.path}.${element}`;
    const reference = ref && typeof ref === 'object' ? ref.reference : undefined;
    if (typeof reference !== 'string' || reference === '')
      throw new UserError(`needs a reference to a ${expected.join(' or ')} in this bundle`, where);
    const target = reference.startsWith('#') ? this.contained(reference.slice(1), from) : this.lookup(reference);
    if (!target)
      throw new UserError(
        `reference ${JSON.stringify(reference)} resolves to no resource in the bundle (by fullUrl, Type/id or #contained id)`,
        where,
      );
    if (!expected.includes(target.resource.resourceType as T['resourceType']))
      throw new UserError(
        `reference ${JSON.stringify(reference)} is a ${target.resource.resourceType} (${target.path}), expected ${expected.join(' or ')}`,
        where,
      );
    return target as Located<T>;
  }

  private lookup(reference: string): Located | undefined {
    const exact = this.byUrl.get(reference);
    if (exact) return exact;
    // An absolute or versioned literal reference (https://x/fhir/Patient/123/_history/2) still names Patient/123.
    const typed = /([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/.exec(reference);
    return typed ? this.byUrl.get(`${typed[1]}/${typed[2]}`) : undefined;
  }

  private contained(id: string, from: Located): Located | undefined {
    const list = (from.resource as { contained?: unknown }).contained;
    if (!Array.isArray(list)) return undefined;
    const at = list.findIndex((r) => r && typeof r === 'object' && (r as { id?: unknown }).id === id);
    if (at < 0) return undefined;
    const resource = list[at] as FhirResource;
    return { resource, path: `${from.path}.contained[${at}](${resource.resourceType})` };
  }
}

function objectAt(value: unknown, where: string): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new UserError('must be a JSON object', where);
  return value as Record<string, unknown>;
}

/** A string element or '' when absent; any other JSON type is an error naming the element. */
export function textAt(value: unknown, where: string): string {
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string') throw new UserError(`must be a string, not ${typeof value}`, where);
  return value.trim();
}

/** An array element ([] when absent); a single object where the spec says 0..* is an error naming the element. */
export function listAt<T>(value: T[] | undefined, where: string): T[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new UserError('must be an array (the element repeats, 0..*)', where);
  return value;
}

/** A CodeableConcept's or Coding's words: its text, else the first coding's display, else its code. */
export function conceptText(value: unknown, where: string): string {
  if (value === undefined || value === null) return '';
  if (typeof value !== 'object' || Array.isArray(value))
    throw new UserError('must be a CodeableConcept ({text, coding}) or Coding ({system, code})', where);
  const concept = value as { text?: unknown; display?: unknown; code?: unknown; coding?: unknown };
  const coding = listAt(concept.coding as unknown[] | undefined, `${where}.coding`)[0] as
    | { display?: unknown; code?: unknown }
    | undefined;
  return (
    textAt(concept.text, `${where}.text`) ||
    textAt(concept.display, `${where}.display`) ||
    textAt(coding?.display, `${where}.coding[0].display`) ||
    textAt(concept.code, `${where}.code`) ||
    textAt(coding?.code, `${where}.coding[0].code`)
  );
}
