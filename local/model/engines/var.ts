import type { DomainEngine } from './types';

// Placeholder until the VaR engine lands; the local model server answers 501 through this error.
export const varNarrativeEngine: DomainEngine = () => {
  throw new Error('the VaR engine is not built yet');
};
