import type { FactsSheet } from './facts';
import { money, signedMoney } from './narrative';

export interface Table {
  caption: string;
  head: string[];
  rows: string[][];
}

const pct = (x: number | null) => (x === null ? '-' : `${x.toFixed(2)}%`);
const p4 = (x: number) => x.toFixed(4);

export function headlineRows(facts: FactsSheet): [string, string][] {
  const c = facts.baseCurrency;
  return [
    ['VaR 99% 1-day', money(facts.var.var99, c)],
    ['VaR 95% 1-day', money(facts.var.var95, c)],
    ['VaR 99% 10-day', money(facts.var.var99TenDay, c)],
    ['Expected shortfall 97.5%', money(facts.expectedShortfall975, c)],
    ['Firm limit utilisation', pct(facts.firm.utilisation)],
    ['Backtest exceptions (250 days)', `${facts.backtest.exceptions} — ${facts.backtest.zone} zone`],
  ];
}

export function headlineTable(facts: FactsSheet): Table {
  return { caption: 'Headline figures', head: ['Figure', 'Value'], rows: headlineRows(facts) };
}

export function deskTable(facts: FactsSheet): Table {
  const c = facts.baseCurrency;
  return {
    caption: 'VaR by desk (parametric 99% 1-day)',
    head: ['Desk', 'Gross exposure', 'Component VaR', 'Marginal VaR per unit', 'Limit', 'Utilisation', 'Breach'],
    rows: facts.byDesk.map((d) => [
      d.desk,
      money(d.grossExposure, c),
      money(d.componentVar99, c),
      p4(d.marginalVar99),
      d.limit === null ? '-' : money(d.limit, c),
      pct(d.utilisation),
      d.breach ? 'yes' : 'no',
    ]),
  };
}

/** The change since the previous business day: the contributors and the residual add up to the total change. */
export function changeTable(facts: FactsSheet): Table | undefined {
  const change = facts.change;
  if (!change) return undefined;
  const c = facts.baseCurrency;
  return {
    caption: `Change since ${change.previousDate} (${change.method} VaR 99% 1-day)`,
    head: ['', change.previousDate, facts.date, 'Change'],
    rows: [
      ['Firm VaR 99%', money(change.previousVar99, c), money(change.var99, c), signedMoney(change.deltaVar99, c)],
      ...change.topContributors.map((t) => [
        t.ticker,
        money(t.previous, c),
        money(t.current, c),
        signedMoney(t.delta, c),
      ]),
      ['All other instruments (residual)', '', '', signedMoney(change.residual, c)],
    ],
  };
}

export function backtestTable(facts: FactsSheet): Table {
  const b = facts.backtest;
  return {
    caption: `Backtest (rolling ${b.window}-day historical VaR 99%)`,
    head: ['Measure', 'Value'],
    rows: [
      ['Days tested', String(b.days)],
      ['Exceptions', String(b.exceptions)],
      ['Kupiec POF LR (p-value)', `${p4(b.kupiecLR)} (${p4(b.kupiecPValue)})`],
      ['Christoffersen independence LR (p-value)', `${p4(b.christoffersenLR)} (${p4(b.christoffersenPValue)})`],
      ['Conditional coverage LR', p4(b.conditionalCoverageLR)],
      ['Basel zone (plus factor)', `${b.zone} (${b.plusFactor.toFixed(2)})`],
      ['Exception dates', b.exceptionDates.join(', ') || 'none'],
    ],
  };
}
