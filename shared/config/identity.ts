import { ConfigError } from '../errors';
import type { Env } from './env';
import type { Environment } from './environment';

export interface IdentityConfig {
  /**
   * App Service Authentication (Easy Auth) is on in front of the app, so `x-ms-client-principal` was set by the
   * platform (which strips a caller's own copy) and callers are named by it and its app roles.
   */
  easyAuth: boolean;
  /** Entra group object ids whose members may review, per pipeline (optional; the reviewer e-mail still applies). */
  reviewerGroups: Partial<Record<'radiology' | 'foia' | 'var', string>>;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const GROUP_SETTINGS = {
  radiology: 'RADIOLOGY_REVIEWER_GROUP',
  foia: 'FOIA_REVIEWER_GROUP',
  var: 'VAR_REVIEWER_GROUP',
};

/** ENCLAVE_EASY_AUTH, the reviewer groups, and the one local exception a test may ask for. */
export function readIdentityConfig(env: Env, environment: Environment): IdentityConfig {
  const raw = (env.ENCLAVE_EASY_AUTH ?? 'false').trim().toLowerCase();
  if (raw !== 'true' && raw !== 'false') throw new ConfigError('must be true or false', 'ENCLAVE_EASY_AUTH');
  const easyAuth = raw === 'true';
  // Nothing in front of the local host strips a caller's x-ms-client-principal, so locally it is anyone's to forge.
  if (easyAuth && environment === 'local' && env.ENCLAVE_TEST_TRUST_PRINCIPAL_HEADER !== '1')
    throw new ConfigError(
      'is true on the local stack, where no platform sets x-ms-client-principal (anyone could forge it); leave it unset locally (tests that need it also set ENCLAVE_TEST_TRUST_PRINCIPAL_HEADER=1)',
      'ENCLAVE_EASY_AUTH',
    );
  const reviewerGroups: IdentityConfig['reviewerGroups'] = {};
  for (const [pipeline, setting] of Object.entries(GROUP_SETTINGS) as [keyof typeof GROUP_SETTINGS, string][]) {
    const value = env[setting]?.trim();
    if (!value) continue;
    if (!GUID.test(value)) throw new ConfigError('must be an Entra group object id (a GUID)', setting);
    if (!easyAuth)
      throw new ConfigError(
        'needs ENCLAVE_EASY_AUTH=true: group membership comes from the signed-in principal',
        setting,
      );
    reviewerGroups[pipeline] = value.toLowerCase();
  }
  if (env.REVIEW_REQUIRE_PRINCIPAL === 'true' && !easyAuth)
    throw new ConfigError(
      'is true but ENCLAVE_EASY_AUTH is not: without App Service Authentication there is no principal to compare',
      'REVIEW_REQUIRE_PRINCIPAL',
    );
  return { easyAuth, reviewerGroups };
}
