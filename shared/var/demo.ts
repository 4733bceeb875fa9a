import { seededNormals } from './stats';

export interface DemoLake {
  files: Record<string, string>;
}

const DESKS = ['rates', 'credit', 'equities', 'fx-options'];
const CURRENCIES = ['USD', 'EUR', 'GBP'];

/**
 * A realistic sample lake: 50 instruments in four desks and three currencies, correlated daily moves with fat
 * tails (Student-t mixing) and a few stress days, business days only. Seeded, so every run writes the same lake.
 */
export function generateDemoLake(
  date: string,
  options: { seed?: number; years?: number; instruments?: number } = {},
): DemoLake {
  const normal = seededNormals(options.seed ?? 7);
  const n = options.instruments ?? 50;
  const dates: string[] = [];
  for (let t = Date.parse(`${date}T12:00:00Z`); dates.length < (options.years ?? 3) * 260; t -= 86_400_000) {
    const d = new Date(t);
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) dates.unshift(d.toISOString().slice(0, 10));
  }
  const tickers = Array.from(
    { length: n },
    (_, i) => `${['UST', 'BND', 'EQX', 'OPT'][i % 4]}${String(i + 1).padStart(2, '0')}`,
  );
  const vols = tickers.map((_, i) => 0.006 + (i % 7) * 0.003);
  const prices = tickers.map((_, i) => [50 + ((i * 37) % 200)]);
  const fx: Record<string, number[]> = { USD: [1], EUR: [1.08], GBP: [1.27] };
  const stress = new Set([Math.floor(dates.length * 0.3), Math.floor(dates.length * 0.71), dates.length - 40]);
  for (let t = 1; t < dates.length; t++) {
    const market = normal();
    const chi = normal() ** 2 + normal() ** 2 + normal() ** 2 + normal() ** 2;
    const tail = Math.sqrt(4 / Math.max(chi, 0.2)) * Math.sqrt(0.5);
    const shock = stress.has(t) ? -4 : 0;
    tickers.forEach((_, i) => {
      const r = vols[i]! * (tail * (0.6 * market + 0.8 * normal()) + shock * (i % 4 === 2 ? 1 : 0.3));
      prices[i]!.push(Math.max(0.5, prices[i]!.at(-1)! * (1 + r)));
    });
    for (const c of ['EUR', 'GBP']) fx[c]!.push(fx[c]!.at(-1)! * (1 + 0.004 * normal()));
    fx.USD!.push(1);
  }
  const priceLines = ['date,ticker,close'];
  dates.forEach((d, t) =>
    tickers.forEach((ticker, i) => priceLines.push(`${d},${ticker},${prices[i]![t]!.toFixed(4)}`)),
  );
  const fxLines = ['date,currency,rate'];
  dates.forEach((d, t) => ['EUR', 'GBP'].forEach((c) => fxLines.push(`${d},${c},${fx[c]![t]!.toFixed(6)}`)));
  const positionLines = ['ticker,quantity,currency,desk'];
  tickers.forEach((ticker, i) =>
    positionLines.push(`${ticker},${((i % 5) - 1.5) * 2000 + 500},${CURRENCIES[i % 3]},${DESKS[i % 4]}`),
  );
  return {
    files: {
      [`marketdata/${date}/prices.csv`]: `${priceLines.join('\n')}\n`,
      [`marketdata/${date}/fx.csv`]: `${fxLines.join('\n')}\n`,
      [`positions/${date}.csv`]: `${positionLines.join('\n')}\n`,
      'limits.json': JSON.stringify(
        {
          firm: 250_000,
          desks: { rates: 90_000, credit: 90_000, equities: 60_000, 'fx-options': 90_000 },
          baseCurrency: 'USD',
        },
        null,
        2,
      ),
    },
  };
}
