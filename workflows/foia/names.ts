import type { BlobNameRule } from '../../shared/storage/blob-names';
export const FOIA_ORCHESTRATOR = 'foiaOrchestrator';
export const EXTRACT_FOIA_DOCUMENT = 'extractFoiaDocument';
export const DETECT_FOIA_PATTERNS = 'detectFoiaPatterns';
export const BUILD_FOIA_MODEL_REQUESTS = 'buildFoiaModelRequests';
export const STORE_FOIA_CHUNK_ANSWERS = 'storeFoiaChunkAnswers';
export const MERGE_FOIA_RECOMMENDATIONS = 'mergeFoiaRecommendations';
export const RELEASE_FOIA_DOCUMENT = 'releaseFoiaDocument';
export const RECORD_FOIA_OUTCOME = 'recordFoiaOutcome';
export const WORK_CONTAINER = 'foia-work';
export const INBOX_CONTAINER = 'foia-inbox';
export const REJECTED_CONTAINER = 'foia-rejected';
export const RELEASED_CONTAINER = 'foia-released';
/** Model calls in flight per wave: progress is published between waves and no activity carries more than a wave. */
export const CHUNK_WAVE = 8;
/** Documents sit directly in their request's folder: `<requestId>/<file>`, the file with no folders of its own. */
export const FILE_NAMES: BlobNameRule = { container: INBOX_CONTAINER, folders: false };
