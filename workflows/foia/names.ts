export const FOIA_ORCHESTRATOR = 'foiaOrchestrator';
export const EXTRACT_FOIA_DOCUMENT = 'extractFoiaDocument';
export const DETECT_FOIA_PATTERNS = 'detectFoiaPatterns';
export const BUILD_FOIA_MODEL_REQUESTS = 'buildFoiaModelRequests';
export const MERGE_FOIA_RECOMMENDATIONS = 'mergeFoiaRecommendations';
export const RELEASE_FOIA_DOCUMENT = 'releaseFoiaDocument';
export const RECORD_FOIA_OUTCOME = 'recordFoiaOutcome';
export const WORK_CONTAINER = 'foia-work';
