import { ConfigError } from '../errors';
import type { Env } from './env';

export type Environment = 'local' | 'azure';

/**
 * ENCLAVE_ENV: `local` (the default when unset off Azure) or `azure`. Anything else is refused: a typo must not
 * quietly mean local mode, with its committed default secret and the anonymous outbox.
 */
export function readEnvironment(env: Env): Environment {
  const value = env.ENCLAVE_ENV;
  if (value === 'local' || value === 'azure') return value;
  if (value === undefined || value === '') {
    // App Service sets WEBSITE_SITE_NAME; the local host never does.
    if (env.WEBSITE_SITE_NAME)
      throw new ConfigError('is not set, but the app runs on App Service: set it to "azure"', 'ENCLAVE_ENV');
    return 'local';
  }
  throw new ConfigError(`is "${value}": it must be "local" or "azure"`, 'ENCLAVE_ENV');
}

const KEY_VAULT_REFERENCE = /^\s*@Microsoft\.KeyVault\(/i;

/**
 * App Service hands the app the literal `@Microsoft.KeyVault(...)` when it cannot resolve a reference (no role on
 * the secret yet, a wrong name): such a value is never a secret, so no setting may hold one.
 */
export function refuseUnresolvedKeyVaultReferences(env: Env): void {
  const setting = Object.keys(env)
    .sort()
    .find((key) => KEY_VAULT_REFERENCE.test(env[key] ?? ''));
  if (setting)
    throw new ConfigError(
      'is still an unresolved Key Vault reference (@Microsoft.KeyVault(...)): App Service could not read the secret. Give the app\'s managed identity "Key Vault Secrets User" on it, check the vault and secret names, then restart the app',
      setting,
    );
}

/**
 * The settings as App Service hands them to the app once every Key Vault reference has resolved: each reference
 * stands in for a secret of adequate length. For checking infra's settings against the schema, never for running.
 */
export function asResolvedByAppService(env: Env): Env {
  return Object.fromEntries(
    Object.entries(env).map(([key, value]) => [
      key,
      KEY_VAULT_REFERENCE.test(value ?? '') ? `resolved-from-key-vault-${'x'.repeat(40)}` : value,
    ]),
  );
}
