import type { FactsSheet } from './facts';
import { money } from './narrative';

/** Chart geometry in a box `width` × `height` with the origin top left, shared by the SVG and the PDF. */
export interface Box {
  width: number;
  height: number;
}

export const VAR_COLOR = '#b00020';
export const ES_COLOR = '#6a1b9a';

/** Histogram of the P&L scenarios with the VaR 99% and ES 97.5% lines. */
export function distributionChart(facts: FactsSheet, box: Box) {
  const pnl = facts.distribution.pnl;
  if (pnl.length === 0) return undefined;
  const bins = 40;
  const min = Math.min(...pnl);
  const max = Math.max(...pnl);
  const counts = new Array<number>(bins).fill(0);
  for (const x of pnl) counts[Math.min(bins - 1, Math.floor(((x - min) / (max - min || 1)) * bins))]!++;
  const top = Math.max(...counts);
  const xOf = (v: number) => ((v - min) / (max - min || 1)) * box.width;
  return {
    scenarios: pnl.length,
    min,
    max,
    bars: counts.map((c, i) => {
      const height = (c / top) * (box.height - 20);
      return { x: (i * box.width) / bins, y: box.height - height, width: box.width / bins - 1, height };
    }),
    lines: [
      { x: xOf(-facts.var.var99), labelY: 12, color: VAR_COLOR, label: 'VaR 99%' },
      { x: xOf(-facts.expectedShortfall975), labelY: 26, color: ES_COLOR, label: 'ES 97.5%' },
    ],
  };
}

/** Daily P&L against the VaR it was tested with; the exceptions are the days the loss went past it. */
export function backtestChart(facts: FactsSheet, box: Box) {
  const series = facts.backtest.series;
  if (series.length === 0) return undefined;
  const lo = Math.min(...series.map((p) => Math.min(p.pnl, -p.var99)));
  const hi = Math.max(...series.map((p) => p.pnl), 0);
  const x = (i: number) => (i / Math.max(1, series.length - 1)) * box.width;
  const y = (v: number) => box.height - ((v - lo) / (hi - lo || 1)) * box.height;
  return {
    days: series.length,
    pnl: series.map((p, i) => ({ x: x(i), y: y(p.pnl) })),
    limit: series.map((p, i) => ({ x: x(i), y: y(-p.var99) })),
    exceptions: series.flatMap((p, i) => (p.pnl < -p.var99 ? [{ x: x(i), y: y(p.pnl), date: p.date }] : [])),
  };
}

/** Component VaR by desk as horizontal bars of at most `barSpace`. */
export function deskBars(facts: FactsSheet, barSpace: number) {
  const maxAbs = Math.max(1, ...facts.byDesk.map((d) => Math.abs(d.componentVar99)));
  return facts.byDesk.map((d) => ({
    desk: d.desk,
    length: (Math.abs(d.componentVar99) / maxAbs) * barSpace,
    label: money(d.componentVar99, facts.baseCurrency),
    breach: d.breach,
  }));
}
