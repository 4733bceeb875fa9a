import { escapeHtml } from '../review/html';
import type { FactsSheet } from './facts';
import { backtestChart, deskBars, distributionChart } from './report-charts';

const n = (v: number) => v.toFixed(1);

export function distributionSvg(facts: FactsSheet, width = 640, height = 220): string {
  const chart = distributionChart(facts, { width, height });
  if (!chart) return '';
  const bars = chart.bars
    .map((b) => `<rect x="${n(b.x)}" y="${n(b.y)}" width="${n(b.width)}" height="${n(b.height)}" fill="#7a9cc6"/>`)
    .join('');
  const lines = chart.lines
    .map(
      (l) =>
        `<line x1="${n(l.x)}" x2="${n(l.x)}" y1="0" y2="${height}" stroke="${l.color}" stroke-width="2"/><text x="${n(l.x + 4)}" y="${l.labelY}" font-size="12" fill="${l.color}">${escapeHtml(l.label)}</text>`,
    )
    .join('');
  return `<svg role="img" aria-label="Distribution of ${chart.scenarios} daily P&amp;L scenarios with VaR and ES" viewBox="0 0 ${width} ${height}" width="100%">${bars}${lines}</svg>`;
}

export function backtestSvg(facts: FactsSheet, width = 640, height = 200): string {
  const chart = backtestChart(facts, { width, height });
  if (!chart) return '';
  const path = (points: { x: number; y: number }[]) =>
    points.map((p, i) => `${i === 0 ? 'M' : 'L'}${n(p.x)},${n(p.y)}`).join('');
  const hits = chart.exceptions
    .map(
      (h) => `<circle cx="${n(h.x)}" cy="${n(h.y)}" r="4" fill="#b00020"><title>${escapeHtml(h.date)}</title></circle>`,
    )
    .join('');
  return `<svg role="img" aria-label="Backtest: ${facts.backtest.exceptions} exceptions over ${chart.days} days" viewBox="0 0 ${width} ${height}" width="100%"><path d="${path(chart.pnl)}" fill="none" stroke="#4a4a4a" stroke-width="1"/><path d="${path(chart.limit)}" fill="none" stroke="#b00020" stroke-dasharray="4 3"/>${hits}</svg>`;
}

export function desksSvg(facts: FactsSheet, width = 640): string {
  const height = facts.byDesk.length * 28 + 10;
  const bars = deskBars(facts, width - 220)
    .map(
      (d, i) =>
        `<text x="0" y="${i * 28 + 20}" font-size="13">${escapeHtml(d.desk)}</text><rect x="120" y="${i * 28 + 6}" width="${n(d.length)}" height="18" fill="${d.breach ? '#b00020' : '#4f7942'}"/><text x="${n(126 + d.length)}" y="${i * 28 + 20}" font-size="12">${escapeHtml(d.label)}</text>`,
    )
    .join('');
  return `<svg role="img" aria-label="Component VaR by desk" viewBox="0 0 ${width} ${height}" width="100%">${bars}</svg>`;
}
