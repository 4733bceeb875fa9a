import { createAuditSink } from '../../shared/audit/index';
import type { Config } from '../../shared/config';
import { perConfig } from '../../shared/config/per-config';
import type { ReportSigner } from '../../shared/radiology/signing';
import { reportSigner } from '../../shared/radiology/signing-keys';
import { blobServiceClient } from '../../shared/storage/clients';
import { reviewDeps } from '../review/deps';
import { DRAFTS_CONTAINER } from '../review/names';
import type { RadiologyDeps } from './activities';
import { FINETUNE_CONTAINER, SIGNED_CONTAINER, STUDIES_CONTAINER } from './names';

const signerFor = perConfig((settings: Config['radiology']): Promise<ReportSigner> => reportSigner(settings));

export async function radiologyDeps(config: Config): Promise<RadiologyDeps> {
  const settings = config.radiology;
  const blobs = blobServiceClient(config.storage);
  const review = await reviewDeps(config);
  return {
    studies: blobs.getContainerClient(STUDIES_CONTAINER),
    drafts: blobs.getContainerClient(DRAFTS_CONTAINER),
    signed: blobs.getContainerClient(SIGNED_CONTAINER),
    finetune: blobs.getContainerClient(FINETUNE_CONTAINER),
    audit: await createAuditSink(config),
    notifier: review.notifier,
    signer: () => signerFor(settings),
    criticalRules: settings.criticalRules,
  };
}
