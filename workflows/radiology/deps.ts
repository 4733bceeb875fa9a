import path from 'node:path';
import { createAuditSink } from '../../shared/audit/index';
import type { Config } from '../../shared/config';
import { keyVaultSigner, localKeySigner, type ReportSigner } from '../../shared/radiology/signing';
import { blobServiceClient } from '../../shared/storage/clients';
import { reviewDeps } from '../review/deps';
import type { RadiologyDeps } from './activities';
import { SIGNED_CONTAINER, STUDIES_CONTAINER } from './names';

let signer: Promise<ReportSigner> | undefined;

/** Key Vault signs on Azure (RADIOLOGY_SIGNING_KEY_ID); locally a key file created on first use. */
function reportSigner(): Promise<ReportSigner> {
  signer ??= process.env.RADIOLOGY_SIGNING_KEY_ID
    ? keyVaultSigner(process.env.RADIOLOGY_SIGNING_KEY_ID)
    : Promise.resolve(localKeySigner(process.env.ENCLAVE_KEYS_DIR ?? path.join(process.cwd(), '.enclave', 'keys')));
  return signer;
}

export async function radiologyDeps(config: Config): Promise<RadiologyDeps> {
  const blobs = blobServiceClient(config.storage);
  const review = await reviewDeps(config);
  return {
    studies: blobs.getContainerClient(STUDIES_CONTAINER),
    drafts: blobs.getContainerClient('review-drafts'),
    signed: blobs.getContainerClient(SIGNED_CONTAINER),
    finetune: blobs.getContainerClient('finetune'),
    audit: await createAuditSink(config),
    notifier: review.notifier,
    signer: reportSigner,
  };
}
