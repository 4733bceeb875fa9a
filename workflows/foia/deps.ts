import type { ContainerClient } from '@azure/storage-blob';
import { createAuditSink } from '../../shared/audit/index';
import type { AuditSink } from '../../shared/audit/records';
import type { Config } from '../../shared/config';
import { blobServiceClient } from '../../shared/storage/clients';
import { WORK_CONTAINER } from './names';

export interface FoiaDeps {
  inbox: ContainerClient;
  rejected: ContainerClient;
  work: ContainerClient;
  drafts: ContainerClient;
  released: ContainerClient;
  audit: AuditSink;
  now?: () => number;
}

export async function foiaDeps(config: Config): Promise<FoiaDeps> {
  const blobs = blobServiceClient(config.storage);
  return {
    inbox: blobs.getContainerClient('foia-inbox'),
    rejected: blobs.getContainerClient('foia-rejected'),
    work: blobs.getContainerClient(WORK_CONTAINER),
    drafts: blobs.getContainerClient('review-drafts'),
    released: blobs.getContainerClient('foia-released'),
    audit: await createAuditSink(config),
  };
}
