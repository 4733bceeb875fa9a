import { UserError } from '../../shared/errors';
import { chunkText } from '../../shared/foia/chunks';
import { statutoryDeadline } from '../../shared/foia/clock';
import { extractText } from '../../shared/foia/extract';
import { foiaAuditEvent } from './audit-events';
import type { FoiaDeps } from './deps';
import { createDetectionActivities } from './detection-activities';
import { INBOX_CONTAINER } from './names';
import { createReleaseActivity } from './release-activity';
import type { Extraction, FoiaRun } from './types';
import { putJson, workBlob } from './work-blobs';

export type { FoiaDeps } from './deps';

export function createFoiaActivities(deps: FoiaDeps) {
  const event = foiaAuditEvent(deps);
  return {
    async extractFoiaDocument({ run, instanceId }: { run: FoiaRun; instanceId: string }): Promise<Extraction> {
      const bytes = await deps.inbox.getBlockBlobClient(run.documentBlob).downloadToBuffer();
      try {
        const extracted = await extractText(run.documentName, bytes);
        await putJson(deps.work, workBlob.extracted(instanceId), extracted);
        await event(run, instanceId, 'submitted');
        return {
          pages: extracted.pages.length,
          characters: extracted.text.length,
          chunks: chunkText(extracted.text).length,
          deadline: statutoryDeadline(run.receivedDate),
        };
      } catch (error) {
        if (!(error instanceof UserError)) throw error;
        const reason = `${INBOX_CONTAINER}/${run.documentBlob}: ${error.message}`;
        await deps.rejected.reject(run.documentBlob, bytes, reason);
        return { rejected: reason };
      }
    },

    ...createDetectionActivities(deps),
    ...createReleaseActivity(deps),

    async recordFoiaOutcome({
      run,
      instanceId,
      outcome,
    }: {
      run: FoiaRun;
      instanceId: string;
      outcome: 'rejected' | 'expired';
    }): Promise<void> {
      await event(run, instanceId, outcome);
    },
  };
}
