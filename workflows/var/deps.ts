import { createAuditSink } from '../../shared/audit/index';
import type { Config } from '../../shared/config';
import { blobServiceClient } from '../../shared/storage/clients';
import { reviewDeps } from '../review/deps';
import { DRAFTS_CONTAINER } from '../review/names';
import type { VarDeps } from './activities';
import { LAKE_CONTAINER, REPORTS_CONTAINER } from './names';

export async function varDeps(config: Config): Promise<VarDeps> {
  const blobs = blobServiceClient(config.storage);
  return {
    lake: blobs.getContainerClient(LAKE_CONTAINER),
    reports: blobs.getContainerClient(REPORTS_CONTAINER),
    drafts: blobs.getContainerClient(DRAFTS_CONTAINER),
    audit: await createAuditSink(config),
    notifier: (await reviewDeps(config)).notifier,
  };
}
