import { escapeHtml } from '../review/html';
import type { FactsSheet } from './facts';
import { backtestSvg, desksSvg, distributionSvg } from './report-svg';
import { backtestTable, changeTable, deskTable, headlineTable, type Table } from './report-tables';

export function tableHtml(table: Table): string {
  const head = table.head.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('');
  const rows = table.rows
    .map(
      ([first, ...rest]) =>
        `<tr><th scope="row">${escapeHtml(first ?? '')}</th>${rest.map((v) => `<td>${escapeHtml(v)}</td>`).join('')}</tr>`,
    )
    .join('');
  return `<table><caption>${escapeHtml(table.caption)}</caption><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`;
}

/** Tables and charts, in the order the PDF has them too; the review page shows the same. */
export function reportBodyHtml(facts: FactsSheet): string {
  const change = changeTable(facts);
  return [
    `<h2>Headline figures</h2>${tableHtml(headlineTable(facts))}`,
    `<h2>P&amp;L distribution</h2>${distributionSvg(facts)}`,
    `<h2>Contribution by desk</h2>${desksSvg(facts)}${tableHtml(deskTable(facts))}`,
    change ? `<h2>Day-over-day change</h2>${tableHtml(change)}` : '',
    `<h2>Backtest exceptions</h2>${backtestSvg(facts)}${tableHtml(backtestTable(facts))}`,
  ].join('\n');
}

export function flagsHtml(flags: string[]): string {
  return flags.length ? `<div class="critical" role="alert">${flags.map(escapeHtml).join('<br>')}</div>` : '';
}

export function renderVarReportHtml(facts: FactsSheet, narrative: string, flags: string[] = []): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>VaR report ${escapeHtml(facts.date)}</title></head><body>
<h1>Daily Value-at-Risk report — ${escapeHtml(facts.date)}</h1>${flagsHtml(flags)}
<h2>Summary</h2><p>${escapeHtml(narrative)}</p>
${reportBodyHtml(facts)}
<h2>Conventions</h2><ul>${Object.entries(facts.conventions)
    .map(([k, v]) => `<li>${escapeHtml(k)}: ${escapeHtml(v)}</li>`)
    .join('')}</ul>
</body></html>`;
}
