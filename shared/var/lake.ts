import { z } from 'zod';
import { UserError } from '../errors';
import { dateAt, numberAt, readCsv } from './csv';

export interface PricePoint {
  date: string;
  ticker: string;
  close: number;
}

export interface Position {
  ticker: string;
  quantity: number;
  currency: string;
  desk: string;
}

export interface MarketData {
  prices: PricePoint[];
  /** Units of base currency per one unit of `currency`, by date. */
  fx: { date: string; currency: string; rate: number }[];
  positions: Position[];
  limits: { firm: number; desks: Record<string, number> };
  baseCurrency: string;
}

/** The data lake's files, however they are stored (a folder on disk, blobs). */
export interface LakeFiles {
  read(path: string): Promise<string | undefined>;
}

const limitsSchema = z.object({
  firm: z.number().positive(),
  desks: z.record(z.string(), z.number().positive()),
  baseCurrency: z.string().length(3).default('USD'),
});

/**
 * `marketdata/{date}/prices.csv` (`date,ticker,close` history), optional `marketdata/{date}/fx.csv`
 * (`date,currency,rate`), `positions/{date}.csv` (`ticker,quantity,currency,desk`), `limits.json`.
 */
export async function loadLake(files: LakeFiles, date: string): Promise<MarketData | undefined> {
  const pricesPath = `marketdata/${date}/prices.csv`;
  const positionsPath = `positions/${date}.csv`;
  const [pricesText, positionsText, fxText, limitsText] = await Promise.all([
    files.read(pricesPath),
    files.read(positionsPath),
    files.read(`marketdata/${date}/fx.csv`),
    files.read('limits.json'),
  ]);
  if (pricesText === undefined || positionsText === undefined) return undefined;
  if (limitsText === undefined) throw new UserError('is missing (VaR limits per desk and firm)', 'limits.json');
  const prices = readCsv(pricesPath, pricesText, ['date', 'ticker', 'close'], (c, at) => ({
    date: dateAt(c.date!, at('date')),
    ticker: c.ticker!,
    close: numberAt(c.close!, at('close')),
  }));
  const positions = readCsv(positionsPath, positionsText, ['ticker', 'quantity', 'currency', 'desk'], (c, at) => ({
    ticker: c.ticker!,
    quantity: numberAt(c.quantity!, at('quantity')),
    currency: /^[A-Z]{3}$/.test(c.currency!)
      ? c.currency!
      : (() => {
          throw new UserError(`"${c.currency}" is not an ISO currency code`, at('currency'));
        })(),
    desk:
      c.desk ||
      (() => {
        throw new UserError('desk is empty', at('desk'));
      })(),
  }));
  const fx =
    fxText === undefined
      ? []
      : readCsv(`marketdata/${date}/fx.csv`, fxText, ['date', 'currency', 'rate'], (c, at) => ({
          date: dateAt(c.date!, at('date')),
          currency: c.currency!,
          rate: numberAt(c.rate!, at('rate')),
        }));
  let limitsRaw: unknown;
  try {
    limitsRaw = JSON.parse(limitsText);
  } catch {
    throw new UserError('is not valid JSON', 'limits.json');
  }
  const limits = limitsSchema.safeParse(limitsRaw);
  if (!limits.success)
    throw new UserError(limits.error.issues[0]!.message, `limits.json ${limits.error.issues[0]!.path.join('.')}`);
  return {
    prices,
    positions,
    fx,
    limits: { firm: limits.data.firm, desks: limits.data.desks },
    baseCurrency: limits.data.baseCurrency,
  };
}
