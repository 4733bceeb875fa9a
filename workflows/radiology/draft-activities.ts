import { detectCritical } from '../../shared/radiology/critical';
import { deidentify, reidentify } from '../../shared/radiology/deidentify';
import { buildDraftPrompt, draftRequest } from '../../shared/radiology/prompt';
import { draftReportSchema, reportSections } from '../../shared/radiology/report';
import type { RadiologyReviewDraft } from '../../shared/radiology/review-view';
import { studySchema } from '../../shared/radiology/study';
import { readJson } from '../../shared/storage/blobs';
import { type RadiologyDeps, radiologyActivitySupport } from './activity-support';
import type { FinishedDraft, PreparedDraft, RadiologyRun } from './types';

/** De-identified prompt, critical-result notice, and the draft put back together for review. */
export function createDraftActivities(deps: RadiologyDeps) {
  const { now, iso, pipelineEvent } = radiologyActivitySupport(deps);
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
  };
}
