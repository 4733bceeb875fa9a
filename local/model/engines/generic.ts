import type { DomainEngine } from './types';

// Placeholder until the generic engine lands; the local model server answers 501 through this error.
export const genericEngine: DomainEngine = () => {
  throw new Error('the generic engine is not built yet');
};
