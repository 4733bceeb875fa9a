import { z } from 'zod';
import { type Env, parseSection } from './env';

const schema = z.object({
  container: z
    .string()
    .regex(/^[a-z0-9](?:[a-z0-9-]{1,61})[a-z0-9]$/, 'a blob container name (lowercase letters, digits, hyphens)'),
  headsTable: z.string().regex(/^[A-Za-z][A-Za-z0-9]{2,62}$/, 'a table name (letters and digits)'),
  appInsightsConnectionString: z.string().optional(),
});

export type AuditConfig = z.infer<typeof schema>;

export function readAuditConfig(env: Env): AuditConfig {
  const settings: Record<string, string> = {
    container: 'AUDIT_CONTAINER',
    headsTable: 'AUDIT_HEADS_TABLE',
    appInsightsConnectionString: 'APPLICATIONINSIGHTS_CONNECTION_STRING',
  };
  return parseSection(
    schema,
    {
      container: env.AUDIT_CONTAINER ?? 'audit',
      headsTable: env.AUDIT_HEADS_TABLE ?? 'auditheads',
      appInsightsConnectionString: env.APPLICATIONINSIGHTS_CONNECTION_STRING || undefined,
    },
    (key) => settings[key] ?? key,
  );
}
