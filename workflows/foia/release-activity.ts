import { applyDecisions, type FoiaDecisions } from '../../shared/foia/decisions';
import type { Extracted } from '../../shared/foia/extract';
import { redactedPdf } from '../../shared/foia/redacted-pdf';
import { redactText } from '../../shared/foia/regions';
import type { FoiaReviewDraft } from '../../shared/foia/review-view';
import { vaughnIndex, vaughnIndexPdf } from '../../shared/foia/vaughn-index';
import { readJson } from '../../shared/storage/blobs';
import { sha256 } from '../../shared/storage/sha256';
import { foiaAuditEvent } from './audit-events';
import type { FoiaDeps } from './deps';
import type { FoiaRun } from './types';
import { workBlob } from './work-blobs';

export interface ReleaseInput {
  run: FoiaRun;
  instanceId: string;
  draftRef: string;
  decisions: FoiaDecisions | null;
  reviewer: string;
}

/** Applies the reviewer's decisions and writes the release once (conditional blobs), then audits it. */
export function createReleaseActivity(deps: FoiaDeps) {
  const event = foiaAuditEvent(deps);
  return {
    async releaseFoiaDocument({ run, instanceId, draftRef, decisions, reviewer }: ReleaseInput): Promise<string[]> {
      const draft = await readJson<FoiaReviewDraft>(deps.drafts, draftRef);
      const extracted = await readJson<Extracted>(deps.work, workBlob.extracted(instanceId));
      const final = applyDecisions(draft.recommendations, decisions, extracted.text);
      const base = `${run.requestId}/${run.documentName.replace(/\.[^.]+$/, '')}`;
      const index = vaughnIndex(run.documentName, extracted, final);
      const outputs: [string, string | Buffer, string][] = [
        [`${base}.redacted.txt`, redactText(extracted.text, final), 'text/plain'],
        [`${base}.redacted.pdf`, await redactedPdf(extracted, final), 'application/pdf'],
        [`${base}.index.csv`, index, 'text/csv'],
        [`${base}.index.pdf`, await vaughnIndexPdf(run.documentName, index), 'application/pdf'],
      ];
      await deps.released.createIfNotExists();
      let created = 0;
      for (const [name, data, type] of outputs) {
        const body = typeof data === 'string' ? Buffer.from(data) : data;
        try {
          await deps.released.getBlockBlobClient(name).upload(body, body.length, {
            conditions: { ifNoneMatch: '*' },
            blobHTTPHeaders: { blobContentType: type },
          });
          created++;
        } catch (error) {
          if ((error as { statusCode?: number }).statusCode !== 409) throw error;
        }
      }
      const edited = decisions?.decisions.filter((d) => d.action === 'accept' && d.exemption).length ?? 0;
      if (created > 0)
        await event(run, instanceId, 'released', {
          actor: reviewer,
          artifacts: outputs.map(([name, data]) => ({ name: `foia-released/${name}`, sha256: sha256(data) })),
          detail: `${final.length} redactions, ${edited} with the exemption changed by the reviewer`,
        });
      return outputs.map(([name]) => `foia-released/${name}`);
    },
  };
}
