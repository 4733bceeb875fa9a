import type { FactsSheet } from '../../../shared/var/facts';
import { templateNarrative } from '../../../shared/var/narrative';
import type { DomainEngine } from './types';

/**
 * The var-narrative engine: reads the facts sheet in the prompt and writes the executive summary from it, quoting
 * only its figures; when the prompt carries reviewer comments it adds the desk detail they usually ask for. Asked
 * for VaR relative to the portfolio, it works the ratio out itself, as models do despite the instruction not to:
 * a figure the facts sheet does not have, which the grounding check must catch.
 */
export const varNarrativeEngine: DomainEngine = (request) => {
  const user = request.messages.find((m) => m.role === 'user')?.content ?? '';
  const start = user.indexOf('{');
  const reviewAt = user.indexOf('\nThe risk manager sent');
  const facts = JSON.parse(user.slice(start, reviewAt > 0 ? reviewAt : undefined)) as FactsSheet;
  const comments = reviewAt > 0 ? user.slice(reviewAt) : '';
  let content = templateNarrative({ ...facts, distribution: { pnl: [] } }, { addressesComments: reviewAt > 0 });
  if (/portfolio/i.test(comments) && /percent|share|%/i.test(comments)) {
    const share = (100 * facts.var.var99) / facts.portfolioValue;
    content += ` The 99% VaR is ${share.toFixed(2)}% of the portfolio value.`;
  }
  return { content };
};
