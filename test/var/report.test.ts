import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractText } from '../../shared/foia/extract';
import { generateDemoLake } from '../../shared/var/demo';
import { computeFactsSheet } from '../../shared/var/facts';
import { loadLake } from '../../shared/var/lake';
import { money, templateNarrative } from '../../shared/var/narrative';
import { renderVarReportHtml } from '../../shared/var/report';
import { renderVarReportPdf } from '../../shared/var/report-pdf';

/** Two demo days, the second compared with the first, so the report has a day-over-day table. */
async function demoFacts() {
  const files = generateDemoLake('2026-11-27').files;
  const lake = (await loadLake({ read: async (p) => files[p] }, '2026-11-27'))!;
  const before = { ...lake, prices: lake.prices.filter((p) => p.date <= '2026-11-26') };
  const previous = computeFactsSheet(before, '2026-11-26');
  return computeFactsSheet(lake, '2026-11-27', {
    previous: {
      date: previous.date,
      method: previous.var.method,
      var99: previous.var.var99,
      contributions: Object.fromEntries(previous.byInstrument.map((x) => [x.ticker, x.contributionVar99])),
    },
  });
}

test('the PDF carries the headline figures, the desk, change and backtest tables and the three charts', async () => {
  const facts = await demoFacts();
  const c = facts.baseCurrency;
  const pdf = await renderVarReportPdf(facts, templateNarrative(facts), ['Desk limit breached: rates.']);
  const { text, pages } = await extractText('report.pdf', pdf);
  assert.ok(pages.length >= 2, `${pages.length} page(s)`);
  for (const figure of [facts.var.var99, facts.var.var95, facts.var.var99TenDay, facts.expectedShortfall975])
    assert.ok(text.includes(money(figure, c)), `${money(figure, c)} in the PDF`);
  for (const d of facts.byDesk) {
    assert.match(text, new RegExp(`${d.desk}\\s*USD [\\d,.]+\\s*${money(d.componentVar99, c)}`), `${d.desk} row`);
  }
  assert.match(text, /Desk limit breached: rates\./);
  assert.match(text, /VaR 99%[\s\S]*ES 97\.5%/, 'the distribution chart labels both lines');
  assert.match(text, /Contribution by desk/);
  assert.match(text, /Backtest exceptions/);
  assert.match(text, new RegExp(`Exceptions\\s*${facts.backtest.exceptions}\\b`));
  assert.match(text, new RegExp(`Basel zone \\(plus factor\\)\\s*${facts.backtest.zone}`));
  assert.match(text, /Change since 2026-11-26/);
  assert.match(text, /All other instruments \(residual\)/);
});

test('the HTML report has the three charts and the headline, desk, change and backtest tables', async () => {
  const facts = await demoFacts();
  const html = renderVarReportHtml(facts, templateNarrative(facts));
  assert.match(html, /<svg role="img" aria-label="Distribution of \d+ daily P&amp;L scenarios with VaR and ES"/);
  assert.match(html, /<text[^>]*>VaR 99%<\/text>[\s\S]*<text[^>]*>ES 97\.5%<\/text>/);
  assert.match(html, /<svg role="img" aria-label="Component VaR by desk"/);
  assert.match(html, /<svg role="img" aria-label="Backtest: \d+ exceptions over 250 days"/);
  for (const caption of [
    'Headline figures',
    'VaR by desk (parametric 99% 1-day)',
    'Change since 2026-11-26 (historical VaR 99% 1-day)',
    'Backtest (rolling 250-day historical VaR 99%)',
  ])
    assert.ok(html.includes(`<caption>${caption.replace(/&/g, '&amp;')}</caption>`), caption);
  for (const d of facts.byDesk) assert.ok(html.includes(`<th scope="row">${d.desk}</th>`), d.desk);
});
