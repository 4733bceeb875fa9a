import type { Env } from './env';
import { readStorageConfig, type StorageConfig } from './storage';

export type { Env } from './env';

export interface Config {
  environment: 'local' | 'azure';
  storage: StorageConfig;
}

/** The one place settings are read. Tests call it with a plain object. */
export function loadConfig(env: Env = process.env): Config {
  return {
    environment: env.ENCLAVE_ENV === 'azure' ? 'azure' : 'local',
    storage: readStorageConfig(env),
  };
}
