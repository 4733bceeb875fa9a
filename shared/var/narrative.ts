import type { CallOrigin, ModelCallRequest } from '../model/request';
import type { FactsSheet } from './facts';

export const money = (x: number, currency: string) =>
  `${currency} ${Math.abs(x).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
/** A change: the sign first, then the amount as `money` writes it. */
export const signedMoney = (x: number, currency: string) => `${x < 0 ? '-' : '+'}${money(x, currency)}`;
const pct = (x: number) => `${x.toFixed(2)}%`;

/** The facts the model sees: everything but the raw P&L vectors. */
export function promptFacts(facts: FactsSheet) {
  const { distribution: _distribution, ...rest } = facts;
  const { series: _series, ...backtest } = facts.backtest;
  return { ...rest, backtest };
}

export function buildNarrativePrompt(facts: FactsSheet, comments: string[] = []) {
  const system = [
    "You write the executive summary of a bank's daily Value-at-Risk report.",
    'Every number you write must appear in the facts sheet, rounded as given; never compute new numbers.',
    'Cover: headline VaR and expected shortfall, change since the previous day and its main contributors,',
    'limit utilisation and breaches, backtesting exceptions and the Basel zone, and the conventions used.',
  ].join(' ');
  const review = comments.length
    ? `\nThe risk manager sent the previous draft back with these comments; address them:\n- ${comments.join('\n- ')}`
    : '';
  return [
    { role: 'system' as const, content: system },
    { role: 'user' as const, content: `Facts sheet (JSON):\n${JSON.stringify(promptFacts(facts))}${review}` },
  ];
}

/** The whole `callModel` request for a narrative prompt: deployment and data class fixed in one place. */
export function narrativeRequest(
  messages: ReturnType<typeof buildNarrativePrompt>,
  origin: CallOrigin,
): ModelCallRequest {
  return { pipeline: 'var', deployment: 'var-narrative', messages, dataClassification: 'confidential', ...origin };
}

/**
 * A narrative written from the facts alone: the template used when the model's text fails the grounding check
 * twice (flagged as such in the report), and the local var-narrative engine's text.
 */
export function templateNarrative(facts: FactsSheet, options: { addressesComments?: boolean } = {}): string {
  const c = facts.baseCurrency;
  const v = facts.var;
  const parts: string[] = [];
  parts.push(
    `As of ${facts.date}, the firm's 1-day 99% VaR is ${money(v.var99, c)} (${v.method} method) and the 1-day 95% VaR is ${money(v.var95, c)}; the 97.5% expected shortfall is ${money(facts.expectedShortfall975, c)}. Scaled to 10 days, the 99% VaR is ${money(v.var99TenDay, c)}.`,
  );
  parts.push(
    `Firm VaR uses ${pct(facts.firm.utilisation)} of the ${money(facts.firm.limit, c)} limit${facts.firm.breach ? ', a breach of the firm limit' : ''}.`,
  );
  if (facts.change) {
    const dir = facts.change.deltaVar99 >= 0 ? 'up' : 'down';
    const top = facts.change.topContributors.map((t) => `${t.ticker} (${signedMoney(t.delta, c)})`).join(', ');
    const rest = facts.change.residual;
    parts.push(
      `Since ${facts.change.previousDate} the 99% VaR is ${dir} ${money(facts.change.deltaVar99, c)}, driven mainly by ${top}; all other instruments together ${rest >= 0 ? 'add' : 'take off'} ${money(rest, c)}.`,
    );
  }
  const breaches = facts.byDesk.filter((d) => d.breach);
  parts.push(
    breaches.length
      ? `Desk limit breaches: ${breaches.map((d) => `${d.desk} at ${pct(d.utilisation ?? 0)} of its ${money(d.limit ?? 0, c)} limit`).join('; ')}.`
      : `All desks are within their limits; the largest user is ${[...facts.byDesk].sort((a, b) => (b.utilisation ?? 0) - (a.utilisation ?? 0))[0]?.desk ?? 'none'}.`,
  );
  const b = facts.backtest;
  parts.push(
    `Backtesting over the last ${b.days} days shows ${b.exceptions} exception${b.exceptions === 1 ? '' : 's'} at 99%, which places the model in the Basel ${b.zone} zone${b.zone === 'red' ? " — the report must not be published without the risk manager's explicit approval" : ''}.`,
  );
  if (options.addressesComments) {
    parts.push(
      `Desk detail: ${facts.byDesk.map((d) => `${d.desk} component VaR ${money(d.componentVar99, c)}`).join('; ')}.`,
    );
  }
  parts.push(
    `Conventions: ${facts.conventions.returns} returns, ${facts.conventions.quantile} quantile interpolation, 10-day by ${facts.conventions.tenDay}.`,
  );
  return parts.join(' ');
}
