import type { FactsSheet } from '../../../shared/var/facts';
import { templateNarrative } from '../../../shared/var/narrative';
import type { DomainEngine } from './types';

/**
 * The var-narrative engine: reads the facts sheet in the prompt and writes the executive summary from it, quoting
 * only its figures; when the prompt carries reviewer comments it adds the desk detail they usually ask for.
 */
export const varNarrativeEngine: DomainEngine = (request) => {
  const user = request.messages.find((m) => m.role === 'user')?.content ?? '';
  const start = user.indexOf('{');
  const reviewAt = user.indexOf('\nThe risk manager sent');
  const facts = JSON.parse(user.slice(start, reviewAt > 0 ? reviewAt : undefined)) as FactsSheet;
  return { content: templateNarrative({ ...facts, distribution: { pnl: [] } }, { addressesComments: reviewAt > 0 }) };
};
