import { sha256 } from '../../shared/storage/sha256';

/** One run per document, whatever its name or how often it is dropped: `foia-<sha256 of its bytes>` (40 hex). */
export const foiaInstanceId = (document: Buffer) => `foia-${sha256(document).slice(0, 40)}`;
