import { z } from 'zod';
import { ConfigError } from '../errors';
import { deskTimeZone } from '../time-zone';
import { type Env, parseSection } from './env';

const list = (value: string | undefined, fallback: string) =>
  (value ?? fallback)
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);

const schema = z.object({
  exchangeCalendar: z.enum(['nyse', 'none'], { message: 'nyse or none' }),
  holidays: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a comma-separated list of dates YYYY-MM-DD')),
  pollMinutes: z.coerce.number().positive('a number of minutes above 0'),
  cutoffHours: z.coerce.number().positive('a number of hours above 0'),
  reviewer: z.string().email('an e-mail address'),
  backupReviewer: z.string().email('an e-mail address'),
  executives: z.array(z.string().email('a comma-separated list of e-mail addresses')).min(1),
});

export type VarConfig = z.infer<typeof schema> & { timeZone: string };

const SETTINGS: Record<string, string> = {
  exchangeCalendar: 'VAR_EXCHANGE_CALENDAR',
  holidays: 'VAR_HOLIDAYS',
  pollMinutes: 'VAR_POLL_MINUTES',
  cutoffHours: 'VAR_CUTOFF_HOURS',
  reviewer: 'VAR_REVIEWER',
  backupReviewer: 'VAR_BACKUP_REVIEWER',
  executives: 'VAR_EXECUTIVES',
};

/** The VaR desk: its time zone, calendar, data wait, reviewers and the executives the report goes to. */
export function readVarConfig(env: Env): VarConfig {
  let timeZone: string;
  try {
    timeZone = deskTimeZone(env);
  } catch (error) {
    throw new ConfigError((error as Error).message, env.VAR_TIME_ZONE ? 'VAR_TIME_ZONE' : 'WEBSITE_TIME_ZONE');
  }
  const section = parseSection(
    schema,
    {
      exchangeCalendar: env.VAR_EXCHANGE_CALENDAR || 'nyse',
      holidays: list(env.VAR_HOLIDAYS, ''),
      pollMinutes: env.VAR_POLL_MINUTES || 15,
      cutoffHours: env.VAR_CUTOFF_HOURS || 3,
      reviewer: env.VAR_REVIEWER || 'risk.manager@bank.example',
      backupReviewer: env.VAR_BACKUP_REVIEWER || 'deputy.risk@bank.example',
      executives: list(env.VAR_EXECUTIVES, 'cro@bank.example,cfo@bank.example'),
    },
    (key) => SETTINGS[key] ?? key,
  );
  return { ...section, timeZone };
}
