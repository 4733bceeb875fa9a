import { loadConfig } from '../../shared/config';
import { asResolvedByAppService } from '../../shared/config/environment';
import type { Finding } from './rules';

const SECRET_VALUE = /AccountKey=|SharedAccessKey=|api-key|-----BEGIN/i;

/** The app settings main.bicep produces, as the app would read them. */
export function appSettingsOf(scope: Record<string, unknown>): Record<string, string> | undefined {
  const settings = scope.appSettings as Record<string, unknown> | undefined;
  return settings && Object.fromEntries(Object.entries(settings).map(([k, v]) => [k, String(v)]));
}

/** The settings infra produces must satisfy the app's own config schema, in Azure mode, with no secret values. */
export function configParity(env: Record<string, string>, file: string): Finding[] {
  const findings: Finding[] = Object.entries(env)
    .filter(([, v]) => SECRET_VALUE.test(v))
    .map(([k]) => ({
      rule: 'config',
      file,
      message: `app setting ${k} carries a key; use identity or a Key Vault reference`,
    }));
  try {
    const config = loadConfig(asResolvedByAppService(env));
    if (config.environment !== 'azure')
      findings.push({ rule: 'config', file, message: `ENCLAVE_ENV is not 'azure': the app would start in local mode` });
    // A connection string on Azure means shared keys (or Azurite) instead of the managed identity.
    if (config.storage.connectionString)
      findings.push({
        rule: 'config',
        file,
        message: `storage resolves to a connection string (${config.storage.connectionString.split(';')[0]}); set AzureWebJobsStorage__accountName`,
      });
  } catch (error) {
    findings.push({
      rule: 'config',
      file,
      message: `the app settings infra produces fail the config schema: ${(error as Error).message}`,
    });
  }
  return findings;
}
