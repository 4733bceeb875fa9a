import { type AuditConfig, readAuditConfig } from './audit';
import type { Env } from './env';
import { type Environment, readEnvironment, refuseUnresolvedKeyVaultReferences } from './environment';
import { type FoiaConfig, readFoiaConfig } from './foia';
import { type IdentityConfig, readIdentityConfig } from './identity';
import { type ModelConfig, readModelConfig } from './model';
import { type RadiologySettings, readRadiologySettings } from './radiology';
import { type ReviewConfig, readReviewConfig } from './review';
import { readStorageConfig, type StorageConfig } from './storage';
import { readVarConfig, type VarConfig } from './var';

export type { Env } from './env';

export interface Config {
  environment: Environment;
  identity: IdentityConfig;
  storage: StorageConfig;
  audit: AuditConfig;
  model: ModelConfig;
  review: ReviewConfig;
  radiology: RadiologySettings;
  foia: FoiaConfig;
  var: VarConfig;
  /** How many functions the host loaded, when the host says (the local host sets ENCLAVE_HOST_FUNCTION_COUNT). */
  hostFunctionCount: number | null;
}

/** The one place settings are read. Tests call it with a plain object. */
export function loadConfig(env: Env = process.env): Config {
  const environment = readEnvironment(env);
  refuseUnresolvedKeyVaultReferences(env);
  return {
    environment,
    identity: readIdentityConfig(env, environment),
    storage: readStorageConfig(env, environment),
    audit: readAuditConfig(env, environment),
    model: readModelConfig(env, environment),
    review: readReviewConfig(env, environment),
    radiology: readRadiologySettings(env),
    foia: readFoiaConfig(env),
    var: readVarConfig(env),
    hostFunctionCount: Number.isFinite(Number(env.ENCLAVE_HOST_FUNCTION_COUNT ?? NaN))
      ? Number(env.ENCLAVE_HOST_FUNCTION_COUNT)
      : null,
  };
}
