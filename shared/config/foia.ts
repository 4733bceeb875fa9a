import { z } from 'zod';
import { type Env, parseSection } from './env';

const flag = z
  .string()
  .transform((v) => v.trim().toLowerCase())
  .pipe(z.enum(['true', 'false'], { message: 'must be true or false' }))
  .transform((v) => v === 'true');

const schema = z.object({
  redactOfficials: flag,
  reviewer: z.string().email('an e-mail address'),
  backupReviewer: z.string().email('an e-mail address'),
});

export type FoiaConfig = z.infer<typeof schema>;

const SETTINGS: Record<string, string> = {
  redactOfficials: 'FOIA_REDACT_OFFICIALS',
  reviewer: 'FOIA_REVIEWER',
  backupReviewer: 'FOIA_BACKUP_REVIEWER',
};

/** The FOIA pipeline's settings; a bad value is a ConfigError naming the variable. */
export function readFoiaConfig(env: Env = process.env): FoiaConfig {
  return parseSection(
    schema,
    {
      redactOfficials: env.FOIA_REDACT_OFFICIALS || 'false',
      reviewer: env.FOIA_REVIEWER || 'foia.counsel@agency.example',
      backupReviewer: env.FOIA_BACKUP_REVIEWER || 'chief.counsel@agency.example',
    },
    (key) => SETTINGS[key] ?? key,
  );
}
