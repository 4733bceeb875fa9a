import { TableClient } from '@azure/data-tables';
import { DefaultAzureCredential } from '@azure/identity';
import { BlobServiceClient } from '@azure/storage-blob';
import { QueueServiceClient } from '@azure/storage-queue';
import type { StorageConfig } from '../config/storage';

/** One way to reach storage: a connection string locally (Azurite), managed identity on Azure. */
export function blobServiceClient(config: StorageConfig): BlobServiceClient {
  if (config.connectionString) return BlobServiceClient.fromConnectionString(config.connectionString);
  return new BlobServiceClient(`https://${config.accountName}.blob.core.windows.net`, new DefaultAzureCredential());
}

export function queueServiceClient(config: StorageConfig): QueueServiceClient {
  if (config.connectionString) return QueueServiceClient.fromConnectionString(config.connectionString);
  return new QueueServiceClient(`https://${config.accountName}.queue.core.windows.net`, new DefaultAzureCredential());
}

export function tableClient(config: StorageConfig, table: string): TableClient {
  if (config.connectionString) {
    return TableClient.fromConnectionString(config.connectionString, table, { allowInsecureConnection: true });
  }
  return new TableClient(`https://${config.accountName}.table.core.windows.net`, table, new DefaultAzureCredential());
}
