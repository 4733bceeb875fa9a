import { foiaRedactEngine } from './foia';
import { genericEngine } from './generic';
import { radiologyDraftEngine } from './radiology';
import type { DomainEngine } from './types';
import { varNarrativeEngine } from './var';

/** Engines by deployment name; anything else gets the generic engine. */
const byDeployment: Record<string, DomainEngine> = {
  'radiology-draft': radiologyDraftEngine,
  'var-narrative': varNarrativeEngine,
  'foia-redact': foiaRedactEngine,
};

export function engineFor(deployment: string): DomainEngine {
  return byDeployment[deployment] ?? genericEngine;
}
