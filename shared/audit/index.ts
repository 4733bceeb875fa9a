import type { TableClient } from '@azure/data-tables';
import type { ContainerClient } from '@azure/storage-blob';
import type { Config } from '../config';
import { blobServiceClient, tableClient } from '../storage/clients';
import { BlobAuditSink } from './blob-sink';
import type { AuditSink } from './records';
import { fanOut, telemetrySink } from './telemetry-sink';

export interface AuditStorage {
  container: ContainerClient;
  heads: TableClient;
}

export function auditStorage(config: Config): AuditStorage {
  return {
    container: blobServiceClient(config.storage).getContainerClient(config.audit.container),
    heads: tableClient(config.storage, config.audit.headsTable),
  };
}

let shared: Promise<AuditSink> | undefined;

/** The process's audit sink: the blob hash chain, plus Azure Monitor custom events when configured. */
export function createAuditSink(config: Config): Promise<AuditSink> {
  shared ??= (async () => {
    const storage = auditStorage(config);
    const chainSink = new BlobAuditSink(storage.container, storage.heads);
    if (!config.audit.appInsightsConnectionString) return chainSink;
    return fanOut(chainSink, await telemetrySink(config.audit.appInsightsConnectionString));
  })();
  return shared;
}
