import { z } from 'zod';
import { ConfigError } from '../errors';
import { type Env, parseSection } from './env';

/** The local stack's head key when AUDIT_HEAD_KEY is not set: local chains are tamper-evident, not a trust boundary. */
const LOCAL_HEAD_KEY = 'local-audit-head-key-change-me-0123456789abcdef';

const schema = z.object({
  container: z
    .string()
    .regex(/^[a-z0-9](?:[a-z0-9-]{1,61})[a-z0-9]$/, 'a blob container name (lowercase letters, digits, hyphens)'),
  headsTable: z.string().regex(/^[A-Za-z][A-Za-z0-9]{2,62}$/, 'a table name (letters and digits)'),
  appInsightsConnectionString: z.string().optional(),
  signingKeyId: z
    .string()
    .regex(/^https:\/\/[^/]+\/keys\/[^/]+(?:\/[^/]+)?$/, 'a Key Vault key id, https://<vault>/keys/<name>[/<version>]')
    .optional(),
  headKey: z.string().min(32, 'at least 32 characters').optional(),
});

export type AuditConfig = z.infer<typeof schema>;

export function readAuditConfig(env: Env, environment: 'local' | 'azure' = 'local'): AuditConfig {
  const settings: Record<string, string> = {
    container: 'AUDIT_CONTAINER',
    headsTable: 'AUDIT_HEADS_TABLE',
    appInsightsConnectionString: 'APPLICATIONINSIGHTS_CONNECTION_STRING',
    signingKeyId: 'AUDIT_SIGNING_KEY_ID',
    headKey: 'AUDIT_HEAD_KEY',
  };
  const signingKeyId = env.AUDIT_SIGNING_KEY_ID || undefined;
  if (environment === 'azure' && !signingKeyId)
    throw new ConfigError(
      'is required on Azure: the Key Vault key (EC P-256) that signs the audit heads, https://<vault>/keys/audit-heads',
      'AUDIT_SIGNING_KEY_ID',
    );
  return parseSection(
    schema,
    {
      container: env.AUDIT_CONTAINER ?? 'audit',
      headsTable: env.AUDIT_HEADS_TABLE ?? 'auditheads',
      appInsightsConnectionString: env.APPLICATIONINSIGHTS_CONNECTION_STRING || undefined,
      signingKeyId,
      headKey: signingKeyId ? undefined : env.AUDIT_HEAD_KEY || LOCAL_HEAD_KEY,
    },
    (key) => settings[key] ?? key,
  );
}
