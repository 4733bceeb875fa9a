import { z } from 'zod';
import { ConfigError } from '../errors';
import { type Env, parseSection } from './env';

const AZURITE = 'UseDevelopmentStorage=true';

const schema = z
  .object({
    connectionString: z.string().min(1).optional(),
    accountName: z.string().min(3).optional(),
  })
  .refine((s) => s.connectionString || s.accountName, {
    message: 'set a connection string, or an account name for managed identity (AzureWebJobsStorage__accountName)',
    path: ['connectionString'],
  });

export type StorageConfig = z.infer<typeof schema>;

/** Storage is reached by connection string locally and by managed identity (account name) on Azure. */
export function readStorageConfig(env: Env, environment: 'local' | 'azure' = 'local'): StorageConfig {
  // Azurite is the local default only: on Azure a missing setting must not quietly point the app at localhost.
  if (environment === 'azure' && !env.AzureWebJobsStorage && !env.AzureWebJobsStorage__accountName)
    throw new ConfigError(
      'is required on Azure (the storage account name, reached with managed identity)',
      'AzureWebJobsStorage__accountName',
    );
  const settings: Record<string, string> = {
    connectionString: 'AzureWebJobsStorage',
    accountName: 'AzureWebJobsStorage__accountName',
  };
  return parseSection(
    schema,
    {
      connectionString: env.AzureWebJobsStorage || (env.AzureWebJobsStorage__accountName ? undefined : AZURITE),
      accountName: env.AzureWebJobsStorage__accountName,
    },
    (key) => settings[key] ?? key,
  );
}
