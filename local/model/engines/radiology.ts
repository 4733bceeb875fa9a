import type { DomainEngine } from './types';

// Placeholder until the radiology engine lands; the local model server answers 501 through this error.
export const radiologyDraftEngine: DomainEngine = () => {
  throw new Error('the radiology engine is not built yet');
};
