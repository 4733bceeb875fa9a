import { rgb } from 'pdf-lib';
import type { FactsSheet } from './facts';
import { money } from './narrative';
import { CONTENT_WIDTH, hexColor, pdfLayout } from './pdf-layout';
import { backtestChart, deskBars, distributionChart } from './report-charts';
import { backtestTable, changeTable, deskTable, headlineTable } from './report-tables';

const RED = hexColor('#b00020');

/** The same tables and charts as the HTML report, drawn with pdf-lib from the same chart geometry. */
export async function renderVarReportPdf(facts: FactsSheet, narrative: string, flags: string[] = []): Promise<Buffer> {
  const pdf = await pdfLayout();
  const c = facts.baseCurrency;
  pdf.paragraph(`Daily Value-at-Risk report - ${facts.date}`, { bold: true, size: 15 });
  for (const f of flags) pdf.paragraph(f, { bold: true, color: RED });
  pdf.heading('Summary');
  pdf.paragraph(narrative);
  pdf.table(headlineTable(facts));

  const dist = distributionChart(facts, { width: CONTENT_WIDTH, height: 150 });
  if (dist) {
    pdf.heading('P&L distribution');
    pdf.box(175, (page, at) => {
      for (const b of dist.bars) {
        const p = at(b.x, b.y + b.height);
        page.drawRectangle({ ...p, width: b.width, height: b.height, color: hexColor('#7a9cc6') });
      }
      for (const l of dist.lines) {
        page.drawLine({ start: at(l.x, 0), end: at(l.x, 150), thickness: 1.5, color: hexColor(l.color) });
        page.drawText(l.label, { ...at(l.x + 3, l.labelY), size: 8, font: pdf.font, color: hexColor(l.color) });
      }
      page.drawText(`${money(dist.min, c)} loss`, { ...at(0, 165), size: 7, font: pdf.font });
      page.drawText(`${money(dist.max, c)} gain`, { ...at(CONTENT_WIDTH - 80, 165), size: 7, font: pdf.font });
    });
  }

  pdf.heading('Contribution by desk');
  const bars = deskBars(facts, CONTENT_WIDTH - 200);
  pdf.box(bars.length * 20, (page, at) =>
    bars.forEach((d, i) => {
      page.drawText(d.desk, { ...at(0, i * 20 + 13), size: 9, font: pdf.font });
      page.drawRectangle({
        ...at(100, i * 20 + 16),
        width: d.length,
        height: 13,
        color: d.breach ? RED : hexColor('#4f7942'),
      });
      page.drawText(d.label, { ...at(104 + d.length, i * 20 + 13), size: 8, font: pdf.font });
    }),
  );
  pdf.table(deskTable(facts));
  const change = changeTable(facts);
  if (change) pdf.table(change);

  const bt = backtestChart(facts, { width: CONTENT_WIDTH, height: 140 });
  if (bt) {
    pdf.heading('Backtest exceptions');
    pdf.paragraph(`Daily P&L (grey), the VaR 99% it was tested against (red, dashed), exceptions (dots).`, { size: 8 });
    pdf.box(150, (page, at) => {
      const grey = rgb(0.3, 0.3, 0.3);
      for (let i = 1; i < bt.pnl.length; i++) {
        const [a, b] = [bt.pnl[i - 1]!, bt.pnl[i]!];
        page.drawLine({ start: at(a.x, a.y), end: at(b.x, b.y), thickness: 0.6, color: grey });
        const [p, q] = [bt.limit[i - 1]!, bt.limit[i]!];
        page.drawLine({ start: at(p.x, p.y), end: at(q.x, q.y), thickness: 0.8, color: RED, dashArray: [3, 2] });
      }
      for (const h of bt.exceptions) page.drawCircle({ ...at(h.x, h.y), size: 2.5, color: RED });
    });
  }
  pdf.table(backtestTable(facts));
  pdf.table({
    caption: 'Conventions',
    head: ['Convention', 'Used'],
    rows: Object.entries(facts.conventions).map(([k, v]) => [k, String(v)]),
  });
  return pdf.save();
}
