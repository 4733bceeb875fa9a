import { createHash } from 'node:crypto';
import type { ContainerClient } from '@azure/storage-blob';
import type { AuditSink } from '../../shared/audit/records';
import { type CriticalFinding, type CriticalRule, detectCritical } from '../../shared/radiology/critical';
import { deidentify, reidentify } from '../../shared/radiology/deidentify';
import { diagnosticReport } from '../../shared/radiology/fhir';
import { finetuneRecord } from '../../shared/radiology/finetune';
import { reportPdf } from '../../shared/radiology/pdf';
import { buildDraftPrompt, draftRequest } from '../../shared/radiology/prompt';
import { type DraftReport, draftReportSchema, reportSections } from '../../shared/radiology/report';
import type { RadiologyReviewDraft } from '../../shared/radiology/review-view';
import { type ReportSigner, signReport } from '../../shared/radiology/signing';
import { type Study, studySchema } from '../../shared/radiology/study';
import type { Notifier } from '../../shared/review/notifier';
import { appendOnce } from './finetune-log';
import type { FiledReport, FinishedDraft, PreparedDraft, RadiologyRun, Sections } from './types';

export interface RadiologyDeps {
  studies: ContainerClient;
  drafts: ContainerClient;
  signed: ContainerClient;
  finetune: ContainerClient;
  audit: AuditSink;
  notifier: Notifier;
  signer: () => Promise<ReportSigner>;
  /** The site's critical results list (RADIOLOGY_CRITICAL_FINDINGS). */
  criticalRules: CriticalRule[];
  now?: () => number;
}

const sha = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const readJson = async <T>(c: ContainerClient, name: string) =>
  JSON.parse((await c.getBlockBlobClient(name).downloadToBuffer()).toString('utf8')) as T;

/** Writes a blob only if it does not exist yet; false when it already did (a replay or a second click). */
async function writeOnce(
  c: ContainerClient,
  name: string,
  data: string | Buffer,
  contentType: string,
): Promise<boolean> {
  const body = typeof data === 'string' ? Buffer.from(data) : data;
  try {
    await c.getBlockBlobClient(name).upload(body, body.length, {
      conditions: { ifNoneMatch: '*' },
      blobHTTPHeaders: { blobContentType: contentType },
    });
    return true;
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode === 409) return false;
    throw error;
  }
}

export function createRadiologyActivities(deps: RadiologyDeps) {
  const now = () => (deps.now ?? Date.now)();
  const iso = () => new Date(now()).toISOString();
  const pipelineEvent = (
    run: RadiologyRun,
    instanceId: string,
    event: 'submitted' | 'drafted' | 'critical-notified' | 'signed' | 'filed' | 'rejected' | 'expired',
    extra: Record<string, unknown> = {},
  ) =>
    deps.audit.append({
      kind: 'pipeline',
      timestamp: iso(),
      event,
      pipeline: 'radiology',
      instanceId,
      subjectId: sha(run.accession).slice(0, 24),
      actor: run.requestedBy,
      ...extra,
    });

  return {
    async prepareRadiologyDraft({
      run,
      instanceId,
    }: {
      run: RadiologyRun;
      instanceId: string;
    }): Promise<PreparedDraft> {
      const study = studySchema.parse(await readJson(deps.studies, run.studyRef));
      const { study: clean, mapping } = deidentify(study);
      const mappingRef = `${run.accession}.mapping.json`;
      await deps.studies
        .getBlockBlobClient(mappingRef)
        .upload(JSON.stringify(mapping), Buffer.byteLength(JSON.stringify(mapping)));
      const prompt = buildDraftPrompt(clean);
      await pipelineEvent(run, instanceId, 'submitted');
      return {
        modelRequest: draftRequest(prompt, {
          residency: run.residency,
          userId: run.requestedBy,
          ipAddress: run.ipAddress,
          requestId: `${instanceId}:draft`,
          instanceId,
        }),
        mappingRef,
        critical: detectCritical(study.findings, study.dictation, deps.criticalRules),
        startedAt: iso(),
      };
    },

    async notifyCriticalResult({
      run,
      instanceId,
      critical,
    }: {
      run: RadiologyRun;
      instanceId: string;
      critical: CriticalFinding[];
    }): Promise<void> {
      const names = critical.map((c) => `${c.name} (ACR ${c.acrCategory})`).join('; ');
      await deps.notifier.send({
        kind: 'critical-result',
        to: run.reviewer,
        pipeline: 'radiology',
        subjectId: run.accession,
        instanceId,
        title: `URGENT critical result: ${names}`,
        at: iso(),
      });
      await pipelineEvent(run, instanceId, 'critical-notified', {
        detail: critical
          .map((c) => `ACR ${c.acrCategory} ${c.name}`)
          .join('; ')
          .slice(0, 160),
      });
    },

    async finishRadiologyDraft({
      run,
      instanceId,
      prepared,
      model,
    }: {
      run: RadiologyRun;
      instanceId: string;
      prepared: PreparedDraft;
      model: unknown;
    }): Promise<FinishedDraft> {
      const deidentified = draftReportSchema.parse(model);
      const mapping = await readJson<Record<string, string>>(deps.studies, prepared.mappingRef);
      const study = studySchema.parse(await readJson(deps.studies, run.studyRef));
      const draft = reidentify(deidentified, mapping);
      const review: RadiologyReviewDraft = {
        accession: run.accession,
        patientLabel: `${study.patient.name} · MRN ${study.patient.mrn} · DOB ${study.patient.dob}`,
        exam: `${study.modality} ${study.examDescription} · ${study.studyDate}`,
        sections: reportSections(draft),
        critical: prepared.critical,
      };
      const draftRef = `radiology/${run.accession}.json`;
      await deps.drafts.createIfNotExists();
      await deps.drafts
        .getBlockBlobClient(draftRef)
        .upload(JSON.stringify(review), Buffer.byteLength(JSON.stringify(review)));
      const deidentifiedRef = `${run.accession}.draft-deidentified.json`;
      await deps.studies
        .getBlockBlobClient(deidentifiedRef)
        .upload(JSON.stringify(deidentified), Buffer.byteLength(JSON.stringify(deidentified)));
      await pipelineEvent(run, instanceId, 'drafted');
      return { draftRef, draftMs: Math.max(0, now() - Date.parse(prepared.startedAt)) };
    },

    async signAndFileRadiologyReport(input: {
      run: RadiologyRun;
      instanceId: string;
      draftRef: string;
      mappingRef: string;
      sections?: Sections;
      signer: string;
      decidedAt: string;
    }): Promise<FiledReport> {
      const { run, instanceId } = input;
      const draft = await readJson<RadiologyReviewDraft>(deps.drafts, input.draftRef);
      const sections = input.sections ?? draft.sections;
      const study = studySchema.parse(await readJson(deps.studies, run.studyRef));
      const signer = await deps.signer();
      const report = {
        accession: run.accession,
        patient: study.patient,
        examination: `${study.modality} ${study.examDescription}`,
        studyDate: study.studyDate,
        sections,
        critical: draft.critical,
        signedBy: input.signer,
        signedAt: input.decidedAt,
      };
      const signature = await signReport(report, signer, input.signer, input.decidedAt);
      const pdf = await reportPdf({
        title: `Radiology report ${run.accession}`,
        patientLine: draft.patientLabel,
        sections,
        signatureLine: `Electronically signed by ${input.signer} at ${input.decidedAt} (ES256, key ${signer.keyId})`,
      });
      const fhir = diagnosticReport({
        accession: run.accession,
        patient: study.patient,
        modality: study.modality,
        examDescription: study.examDescription,
        studyDate: study.studyDate,
        sections,
        signer: input.signer,
        signedAt: input.decidedAt,
        pdfBase64: pdf.toString('base64'),
      });
      await deps.signed.createIfNotExists();
      const signedJson = JSON.stringify({ report, signature }, null, 2);
      const files: [string, string | Buffer, string][] = [
        [`${run.accession}.json`, signedJson, 'application/json'],
        [`${run.accession}.fhir.json`, JSON.stringify(fhir, null, 2), 'application/fhir+json'],
        [`${run.accession}.pdf`, pdf, 'application/pdf'],
      ];
      let created = 0;
      for (const [name, data, type] of files) if (await writeOnce(deps.signed, name, data, type)) created++;
      const edited = JSON.stringify(sections) !== JSON.stringify(draft.sections);
      await appendFinetune(deps, run.accession, study, sections, edited, input.decidedAt);
      if (created > 0) {
        await pipelineEvent(run, instanceId, 'signed', { actor: input.signer });
        await pipelineEvent(run, instanceId, 'filed', {
          actor: input.signer,
          artifacts: files.map(([name, data]) => ({ name: `radiology-signed/${name}`, sha256: sha(data) })),
        });
      }
      return {
        files: files.map(([name]) => `radiology-signed/${name}`),
        alreadyFiled: created === 0,
        signatureKeyId: signer.keyId,
      };
    },

    async recordRadiologyOutcome({
      run,
      instanceId,
      outcome,
    }: {
      run: RadiologyRun;
      instanceId: string;
      outcome: 'rejected' | 'expired';
    }): Promise<void> {
      await pipelineEvent(run, instanceId, outcome);
    },
  };
}

/** Each (de-identified draft, de-identified signed final) pair once, in the month's chat fine-tuning file. */
async function appendFinetune(
  deps: RadiologyDeps,
  accession: string,
  study: Study,
  sections: Sections,
  edited: boolean,
  at: string,
): Promise<void> {
  await deps.finetune.createIfNotExists();
  const draft = await readJson<DraftReport>(deps.studies, `${accession}.draft-deidentified.json`);
  const line = `${JSON.stringify(finetuneRecord(study, draft, sections, edited))}\n`;
  await appendOnce(deps.finetune, `radiology/pairs/${sha(accession)}.json`, `radiology/${at.slice(0, 7)}.jsonl`, line);
}
