import type { DomainEngine } from './types';

// Placeholder until the FOIA engine lands; the local model server answers 501 through this error.
export const foiaRedactEngine: DomainEngine = () => {
  throw new Error('the FOIA engine is not built yet');
};
