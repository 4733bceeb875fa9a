import type { DataClassification } from '../audit/records';
import { NonRetryableError } from '../errors';
import { REGIONS } from './regions';
import { parseResidency, type ResidencyPolicy, regionAllowed } from './residency';

/** A pipeline's data class and the residency policy configuration fixes for it. */
export interface PipelineResidency {
  dataClassification: DataClassification;
  residency: string;
  /** The setting the policy comes from, named when a request tries to go past it. */
  setting: string;
}

export type ResidencyBindings = Record<string, PipelineResidency>;

/** Data classes that may only go where configuration says, never where a request says. */
const BOUND_CLASSES: DataClassification[] = ['phi', 'pii', 'classified'];
const RANK: Record<DataClassification, number> = {
  public: 0,
  internal: 1,
  confidential: 2,
  pii: 3,
  phi: 3,
  classified: 4,
};

/** A request asked for more than configuration allows its data; names the request field. */
export class ResidencyRequestError extends NonRetryableError {
  override readonly name = 'ResidencyRequestError';
  constructor(
    readonly field: 'residency' | 'dataClassification' | 'pipeline',
    detail: string,
  ) {
    super(`${field}: ${detail}`);
  }
}

/**
 * The residency a call runs under. A configured pipeline's policy is the widest it may use: a request may name a
 * narrower one, never a wider one, and may not declare its data less sensitive than the pipeline's class. PHI, PII
 * and classified data of a pipeline configuration does not know are refused rather than sent where the request says.
 */
export function bindResidency(
  request: { pipeline: string; dataClassification: DataClassification; residency?: string },
  bindings: ResidencyBindings,
): string {
  const bound = bindings[request.pipeline];
  if (!bound) {
    if (BOUND_CLASSES.includes(request.dataClassification))
      throw new ResidencyRequestError(
        'pipeline',
        `"${request.pipeline}" has no residency policy in configuration, so its ${request.dataClassification} data cannot be sent; add it to MODEL_PIPELINE_RESIDENCY`,
      );
    if (!request.residency)
      throw new ResidencyRequestError('residency', `required for pipeline "${request.pipeline}" (none is configured)`);
    parseOrRefuse(request.residency);
    return request.residency;
  }
  if (RANK[request.dataClassification] < RANK[bound.dataClassification])
    throw new ResidencyRequestError(
      'dataClassification',
      `${request.pipeline} data is ${bound.dataClassification}; a request cannot declare it ${request.dataClassification}`,
    );
  if (!request.residency) return bound.residency;
  if (!within(parseOrRefuse(request.residency), parseResidency(bound.residency)))
    throw new ResidencyRequestError(
      'residency',
      `"${request.residency}" is wider than "${bound.residency}", the policy ${bound.setting} sets for ${request.pipeline}; ask for that policy or a narrower one`,
    );
  return request.residency;
}

/** Every region the narrower policy allows, the wider one allows too. */
export function within(narrower: ResidencyPolicy, wider: ResidencyPolicy): boolean {
  return Object.keys(REGIONS).every((region) => !regionAllowed(narrower, region) || regionAllowed(wider, region));
}

function parseOrRefuse(text: string): ResidencyPolicy {
  try {
    return parseResidency(text);
  } catch (error) {
    throw new ResidencyRequestError('residency', (error as Error).message);
  }
}

/** Whether the text is a residency policy the gateway understands. */
export function isPolicy(text: string | undefined): text is string {
  if (!text) return false;
  try {
    parseResidency(text);
    return true;
  } catch {
    return false;
  }
}
