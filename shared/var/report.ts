import { PDFDocument, rgb, StandardFonts } from 'pdf-lib';
import { escapeHtml } from '../review/html';
import type { FactsSheet } from './facts';
import { money } from './narrative';

/** Equal-width bins of the P&L scenarios, shared by the SVG and the PDF chart. */
function histogram(pnl: number[], bins = 40) {
  const min = Math.min(...pnl);
  const max = Math.max(...pnl);
  const counts = new Array<number>(bins).fill(0);
  for (const x of pnl) counts[Math.min(bins - 1, Math.floor(((x - min) / (max - min || 1)) * bins))]!++;
  return { min, max, counts, top: Math.max(...counts) };
}

/** Histogram of the P&L scenarios with the VaR 99% and ES 97.5% lines, as SVG. */
export function distributionSvg(facts: FactsSheet, width = 640, height = 220): string {
  const pnl = facts.distribution.pnl;
  if (pnl.length === 0) return '';
  const { min, max, counts, top } = histogram(pnl);
  const bins = counts.length;
  const xOf = (v: number) => ((v - min) / (max - min || 1)) * width;
  const bars = counts
    .map(
      (c, i) =>
        `<rect x="${((i * width) / bins).toFixed(1)}" y="${(height - (c / top) * (height - 20)).toFixed(1)}" width="${(width / bins - 1).toFixed(1)}" height="${((c / top) * (height - 20)).toFixed(1)}" fill="#7a9cc6"/>`,
    )
    .join('');
  const line = (v: number, color: string, label: string) =>
    `<line x1="${xOf(v).toFixed(1)}" x2="${xOf(v).toFixed(1)}" y1="0" y2="${height}" stroke="${color}" stroke-width="2"/><text x="${(xOf(v) + 4).toFixed(1)}" y="14" font-size="12" fill="${color}">${escapeHtml(label)}</text>`;
  return `<svg role="img" aria-label="Distribution of ${pnl.length} daily P&L scenarios with VaR and ES" viewBox="0 0 ${width} ${height}" width="100%">${bars}${line(-facts.var.var99, '#b00020', 'VaR 99%')}${line(-facts.expectedShortfall975, '#6a1b9a', 'ES 97.5%')}</svg>`;
}

/** Daily P&L against the VaR it was tested with over the backtest window; exceptions marked in red. */
export function backtestSvg(facts: FactsSheet, width = 640, height = 200): string {
  const series = facts.backtest.series;
  if (series.length === 0) return '';
  const lo = Math.min(...series.map((p) => Math.min(p.pnl, -p.var99)));
  const hi = Math.max(...series.map((p) => p.pnl), 0);
  const x = (i: number) => ((i / Math.max(1, series.length - 1)) * width).toFixed(1);
  const y = (v: number) => (height - ((v - lo) / (hi - lo || 1)) * height).toFixed(1);
  const pnl = series.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(i)},${y(p.pnl)}`).join('');
  const limit = series.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(i)},${y(-p.var99)}`).join('');
  const hits = series
    .map((p, i) =>
      p.pnl < -p.var99
        ? `<circle cx="${x(i)}" cy="${y(p.pnl)}" r="4" fill="#b00020"><title>${escapeHtml(p.date)}</title></circle>`
        : '',
    )
    .join('');
  return `<svg role="img" aria-label="Backtest: ${facts.backtest.exceptions} exceptions over ${series.length} days" viewBox="0 0 ${width} ${height}" width="100%"><path d="${pnl}" fill="none" stroke="#4a4a4a" stroke-width="1"/><path d="${limit}" fill="none" stroke="#b00020" stroke-dasharray="4 3"/>${hits}</svg>`;
}

/** Component VaR by desk as horizontal bars. */
export function desksSvg(facts: FactsSheet, width = 640): string {
  const rows = facts.byDesk;
  const maxAbs = Math.max(1, ...rows.map((d) => Math.abs(d.componentVar99)));
  const height = rows.length * 28 + 10;
  const bars = rows
    .map((d, i) => {
      const w = (Math.abs(d.componentVar99) / maxAbs) * (width - 220);
      return `<text x="0" y="${i * 28 + 20}" font-size="13">${escapeHtml(d.desk)}</text><rect x="120" y="${i * 28 + 6}" width="${w.toFixed(1)}" height="18" fill="${d.breach ? '#b00020' : '#4f7942'}"/><text x="${(126 + w).toFixed(1)}" y="${i * 28 + 20}" font-size="12">${escapeHtml(money(d.componentVar99, facts.baseCurrency))}</text>`;
    })
    .join('');
  return `<svg role="img" aria-label="Component VaR by desk" viewBox="0 0 ${width} ${height}" width="100%">${bars}</svg>`;
}

export function headlineRows(facts: FactsSheet): [string, string][] {
  const c = facts.baseCurrency;
  return [
    ['VaR 99% 1-day', money(facts.var.var99, c)],
    ['VaR 95% 1-day', money(facts.var.var95, c)],
    ['VaR 99% 10-day', money(facts.var.var99TenDay, c)],
    ['Expected shortfall 97.5%', money(facts.expectedShortfall975, c)],
    ['Firm limit utilisation', `${facts.firm.utilisation.toFixed(2)}%`],
    ['Backtest exceptions (250 days)', `${facts.backtest.exceptions} — ${facts.backtest.zone} zone`],
  ];
}

export function renderVarReportHtml(facts: FactsSheet, narrative: string, flags: string[] = []): string {
  const rows = headlineRows(facts)
    .map(([k, v]) => `<tr><th scope="row">${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`)
    .join('');
  const flagList = flags.length ? `<div class="critical" role="alert">${flags.map(escapeHtml).join('<br>')}</div>` : '';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>VaR report ${escapeHtml(facts.date)}</title></head><body>
<h1>Daily Value-at-Risk report — ${escapeHtml(facts.date)}</h1>${flagList}
<h2>Summary</h2><p>${escapeHtml(narrative)}</p>
<h2>Headline figures</h2><table>${rows}</table>
<h2>P&amp;L distribution</h2>${distributionSvg(facts)}
<h2>Contribution by desk</h2>${desksSvg(facts)}
<h2>Backtest exceptions</h2>${backtestSvg(facts)}
<h2>Conventions</h2><ul>${Object.entries(facts.conventions)
    .map(([k, v]) => `<li>${escapeHtml(k)}: ${escapeHtml(v)}</li>`)
    .join('')}</ul>
</body></html>`;
}

export async function renderVarReportPdf(facts: FactsSheet, narrative: string, flags: string[] = []): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const page = doc.addPage([595, 842]);
  let y = 800;
  const text = (t: string, f = font, size = 10) => {
    let line = '';
    for (const word of t.replace(/[^\x20-\x7E]/g, '-').split(' ')) {
      if (f.widthOfTextAtSize(`${line} ${word}`, size) > 495) {
        page.drawText(line, { x: 50, y, size, font: f });
        y -= size + 4;
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    page.drawText(line, { x: 50, y, size, font: f });
    y -= size + 6;
  };
  text(`Daily Value-at-Risk report - ${facts.date}`, bold, 15);
  for (const f of flags) text(f, bold, 10);
  text(narrative);
  for (const [k, v] of headlineRows(facts)) text(`${k}: ${v}`);
  const pnl = facts.distribution.pnl;
  if (pnl.length > 0) {
    const { min, max, counts, top } = histogram(pnl);
    y -= 130;
    counts.forEach((c, i) =>
      page.drawRectangle({ x: 50 + i * 12, y, width: 10, height: (c / top) * 120, color: rgb(0.48, 0.61, 0.78) }),
    );
    const varX = 50 + ((-facts.var.var99 - min) / (max - min || 1)) * 480;
    page.drawLine({ start: { x: varX, y }, end: { x: varX, y: y + 125 }, thickness: 2, color: rgb(0.69, 0, 0.13) });
  }
  return Buffer.from(await doc.save());
}
