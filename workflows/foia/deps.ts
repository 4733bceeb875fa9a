import type { ContainerClient } from '@azure/storage-blob';
import { createAuditSink } from '../../shared/audit/index';
import type { AuditSink } from '../../shared/audit/records';
import type { Config } from '../../shared/config';
import { blobServiceClient } from '../../shared/storage/clients';
import { blobRejections, type Rejections } from '../../shared/storage/rejections';
import { DRAFTS_CONTAINER } from '../review/names';
import { INBOX_CONTAINER, REJECTED_CONTAINER, RELEASED_CONTAINER, WORK_CONTAINER } from './names';

export interface FoiaDeps {
  inbox: ContainerClient;
  rejected: Rejections;
  work: ContainerClient;
  drafts: ContainerClient;
  released: ContainerClient;
  audit: AuditSink;
  now?: () => number;
}

export async function foiaDeps(config: Config): Promise<FoiaDeps> {
  const blobs = blobServiceClient(config.storage);
  return {
    inbox: blobs.getContainerClient(INBOX_CONTAINER),
    rejected: blobRejections(blobs.getContainerClient(REJECTED_CONTAINER)),
    work: blobs.getContainerClient(WORK_CONTAINER),
    drafts: blobs.getContainerClient(DRAFTS_CONTAINER),
    released: blobs.getContainerClient(RELEASED_CONTAINER),
    audit: await createAuditSink(config),
  };
}
