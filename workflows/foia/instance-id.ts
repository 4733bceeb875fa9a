import { createHash } from 'node:crypto';

/** One run per document, whatever its name or how often it is dropped: `foia-<sha256 of its bytes>` (40 hex). */
export const foiaInstanceId = (document: Buffer) =>
  `foia-${createHash('sha256').update(document).digest('hex').slice(0, 40)}`;
