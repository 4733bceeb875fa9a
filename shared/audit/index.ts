import type { TableClient } from '@azure/data-tables';
import type { ContainerClient } from '@azure/storage-blob';
import type { Config } from '../config';
import type { AuditConfig } from '../config/audit';
import { perConfig } from '../config/per-config';
import { blobServiceClient, tableClient } from '../storage/clients';
import { BlobAuditSink } from './blob-sink';
import type { HeadKey } from './head-key';
import { localHeadKey } from './head-key-local';
import { keyVaultHeadKey } from './head-key-vault';
import type { AuditSink } from './records';
import { fanOut, telemetrySink } from './telemetry-sink';

export interface AuditStorage {
  container: ContainerClient;
  heads: TableClient;
}

export function auditStorage(config: Pick<Config, 'storage' | 'audit'>): AuditStorage {
  return {
    container: blobServiceClient(config.storage).getContainerClient(config.audit.container),
    heads: tableClient(config.storage, config.audit.headsTable),
  };
}

/** The key that signs and verifies heads: Key Vault when AUDIT_SIGNING_KEY_ID is set, else the local HMAC key. */
export function auditHeadKey(audit: Pick<AuditConfig, 'signingKeyId' | 'headKey'>): HeadKey {
  if (audit.signingKeyId) return keyVaultHeadKey(audit.signingKeyId);
  if (!audit.headKey) throw new Error('audit: neither AUDIT_SIGNING_KEY_ID nor AUDIT_HEAD_KEY is set');
  return localHeadKey(audit.headKey);
}

const sinkFor = perConfig(async (config: Pick<Config, 'storage' | 'audit'>): Promise<AuditSink> => {
  const storage = auditStorage(config);
  const chainSink = new BlobAuditSink(storage.container, storage.heads, { key: auditHeadKey(config.audit) });
  if (!config.audit.appInsightsConnectionString) return chainSink;
  return fanOut(chainSink, await telemetrySink(config.audit.appInsightsConnectionString));
});

/** The process's audit sink: the blob hash chain, plus Azure Monitor custom events when configured. */
export function createAuditSink(config: Config): Promise<AuditSink> {
  return sinkFor({ storage: config.storage, audit: config.audit });
}
