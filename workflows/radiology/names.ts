import type { BlobNameRule } from '../../shared/storage/blob-names';
export const RADIOLOGY_ORCHESTRATOR = 'radiologyOrchestrator';
export const PREPARE_RADIOLOGY_DRAFT = 'prepareRadiologyDraft';
export const FINISH_RADIOLOGY_DRAFT = 'finishRadiologyDraft';
export const NOTIFY_CRITICAL_RESULT = 'notifyCriticalResult';
export const SIGN_AND_FILE_REPORT = 'signAndFileRadiologyReport';
export const RECORD_RADIOLOGY_OUTCOME = 'recordRadiologyOutcome';
export const STUDIES_CONTAINER = 'radiology-studies';
export const SIGNED_CONTAINER = 'radiology-signed';
export const FINETUNE_CONTAINER = 'finetune';
export const instanceIdFor = (accession: string) => `radiology-${accession}`;
export const INBOX_CONTAINER = 'radiology-inbox';
export const REJECTED_CONTAINER = 'radiology-inbox-rejected';
/** Inbox names may carry folders (`2026/11/study-1.json`). */
export const INBOX_NAMES: BlobNameRule = { container: INBOX_CONTAINER, folders: true };
