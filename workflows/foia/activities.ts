import { createHash } from 'node:crypto';
import type { ContainerClient } from '@azure/storage-blob';
import type { AuditSink } from '../../shared/audit/records';
import { UserError } from '../../shared/errors';
import { chunkText } from '../../shared/foia/chunks';
import { statutoryDeadline } from '../../shared/foia/clock';
import { type Extracted, extractText } from '../../shared/foia/extract';
import { mergeSpans } from '../../shared/foia/merge';
import { buildRedactionPrompt, spansFromModel } from '../../shared/foia/model-layer';
import { deterministicSpans } from '../../shared/foia/recognisers';
import { redactedPdf, redactText, vaughnIndex, vaughnIndexPdf } from '../../shared/foia/release';
import type { FoiaDecisions, FoiaReviewDraft } from '../../shared/foia/review-view';
import type { Span } from '../../shared/foia/types';
import type { Extraction, FoiaRun } from './types';

export interface FoiaDeps {
  inbox: ContainerClient;
  rejected: ContainerClient;
  work: ContainerClient;
  drafts: ContainerClient;
  released: ContainerClient;
  audit: AuditSink;
  now?: () => number;
}

const sha = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

async function putJson(c: ContainerClient, name: string, value: unknown): Promise<void> {
  await c.createIfNotExists();
  const text = JSON.stringify(value);
  await c.getBlockBlobClient(name).upload(text, Buffer.byteLength(text));
}

const getJson = async <T>(c: ContainerClient, name: string) =>
  JSON.parse((await c.getBlockBlobClient(name).downloadToBuffer()).toString('utf8')) as T;

export function createFoiaActivities(deps: FoiaDeps) {
  const iso = () => new Date((deps.now ?? Date.now)()).toISOString();
  const event = (
    run: FoiaRun,
    instanceId: string,
    name: 'submitted' | 'released' | 'rejected' | 'expired',
    extra: Record<string, unknown> = {},
  ) =>
    deps.audit.append({
      kind: 'pipeline',
      timestamp: iso(),
      event: name,
      pipeline: 'foia',
      instanceId,
      subjectId: run.requestId,
      actor: run.requester,
      ...extra,
    });

  return {
    async extractFoiaDocument({ run, instanceId }: { run: FoiaRun; instanceId: string }): Promise<Extraction> {
      const bytes = await deps.inbox.getBlockBlobClient(run.documentBlob).downloadToBuffer();
      try {
        const extracted = await extractText(run.documentName, bytes);
        await putJson(deps.work, `${instanceId}/extracted.json`, extracted);
        await event(run, instanceId, 'submitted');
        return {
          pages: extracted.pages.length,
          characters: extracted.text.length,
          deadline: statutoryDeadline(run.receivedDate),
        };
      } catch (error) {
        if (!(error instanceof UserError)) throw error;
        await deps.rejected.createIfNotExists();
        await deps.rejected.getBlockBlobClient(run.documentBlob).upload(bytes, bytes.length);
        const reason = `foia-inbox/${run.documentBlob}: ${error.message}`;
        await deps.rejected
          .getBlockBlobClient(`${run.documentBlob}.reason.txt`)
          .upload(reason, Buffer.byteLength(reason));
        return { rejected: reason };
      }
    },

    async detectFoiaPatterns({ instanceId }: { run: FoiaRun; instanceId: string }): Promise<number> {
      const extracted = await getJson<Extracted>(deps.work, `${instanceId}/extracted.json`);
      const spans = deterministicSpans(extracted.text);
      await putJson(deps.work, `${instanceId}/patterns.json`, spans);
      return spans.length;
    },

    async buildFoiaModelRequests({ run, instanceId }: { run: FoiaRun; instanceId: string }) {
      const extracted = await getJson<Extracted>(deps.work, `${instanceId}/extracted.json`);
      return chunkText(extracted.text).map((chunk, i) => {
        const prompt = buildRedactionPrompt(chunk.text);
        return {
          pipeline: 'foia',
          deployment: 'foia-redact',
          messages: prompt.messages,
          responseFormat: prompt.responseFormat,
          dataClassification: 'pii',
          residency: run.residency,
          userId: run.requester,
          requestId: `${instanceId}:chunk:${i}`,
          instanceId,
          safetyContext: { legal: true },
        };
      });
    },

    async mergeFoiaRecommendations({
      run,
      instanceId,
      answers,
    }: {
      run: FoiaRun;
      instanceId: string;
      answers: unknown[];
    }) {
      const extracted = await getJson<Extracted>(deps.work, `${instanceId}/extracted.json`);
      const patterns = await getJson<Span[]>(deps.work, `${instanceId}/patterns.json`);
      const chunks = chunkText(extracted.text);
      const model = answers.flatMap((answer, i) => spansFromModel(chunks[i]!.text, chunks[i]!.offset, answer));
      const merged = mergeSpans([...patterns, ...model], extracted.text).map((s, i) => ({ ...s, id: `r${i + 1}` }));
      const draft: FoiaReviewDraft = {
        requestId: run.requestId,
        documentName: run.documentName,
        text: extracted.text,
        recommendations: merged,
      };
      const draftRef = `foia/${instanceId}.json`;
      await putJson(deps.drafts, draftRef, draft);
      return { draftRef, recommendations: merged.length };
    },

    async releaseFoiaDocument({
      run,
      instanceId,
      draftRef,
      decisions,
      reviewer,
    }: {
      run: FoiaRun;
      instanceId: string;
      draftRef: string;
      decisions: FoiaDecisions | null;
      reviewer: string;
    }): Promise<string[]> {
      const draft = await getJson<FoiaReviewDraft>(deps.drafts, draftRef);
      const extracted = await getJson<Extracted>(deps.work, `${instanceId}/extracted.json`);
      const rejected = new Set((decisions?.decisions ?? []).filter((d) => d.action === 'reject').map((d) => d.id));
      const final: Span[] = [
        ...draft.recommendations.filter((r) => !rejected.has(r.id)),
        ...(decisions?.added ?? []).map((a) => ({
          ...a,
          text: extracted.text.slice(a.start, a.end),
          confidence: 1,
          source: 'pattern' as const,
        })),
      ];
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
      if (created > 0)
        await event(run, instanceId, 'released', {
          actor: reviewer,
          artifacts: outputs.map(([name, data]) => ({ name: `foia-released/${name}`, sha256: sha(data) })),
          detail: `${final.length} redactions`,
        });
      return outputs.map(([name]) => `foia-released/${name}`);
    },

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
