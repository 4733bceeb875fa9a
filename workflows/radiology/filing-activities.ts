import { diagnosticReport } from '../../shared/radiology/fhir';
import { finetuneRecord } from '../../shared/radiology/finetune';
import { reportPdf } from '../../shared/radiology/pdf';
import type { DraftReport } from '../../shared/radiology/report';
import type { RadiologyReviewDraft } from '../../shared/radiology/review-view';
import { signReport } from '../../shared/radiology/signing';
import { type Study, studySchema } from '../../shared/radiology/study';
import { putBlob, readJson } from '../../shared/storage/blobs';
import { sha256 } from '../../shared/storage/sha256';
import { type RadiologyDeps, radiologyActivitySupport } from './activity-support';
import { appendOnce } from './finetune-log';
import type { FiledReport, RadiologyRun, Sections } from './types';

/** The signed report filed (JSON, FHIR, PDF, fine-tuning line) and the run's outcome. */
export function createFilingActivities(deps: RadiologyDeps) {
  const { pipelineEvent } = radiologyActivitySupport(deps);
  return {
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
      for (const [name, data, type] of files) if (await putBlob(deps.signed, name, data, type, true)) created++;
      const edited = JSON.stringify(sections) !== JSON.stringify(draft.sections);
      await appendFinetune(deps, run.accession, study, sections, edited, input.decidedAt);
      if (created > 0) {
        await pipelineEvent(run, instanceId, 'signed', { actor: input.signer });
        await pipelineEvent(run, instanceId, 'filed', {
          actor: input.signer,
          artifacts: files.map(([name, data]) => ({ name: `radiology-signed/${name}`, sha256: sha256(data) })),
        });
      }
      return {
        files: files.map(([name]) => `radiology-signed/${name}`),
        alreadyFiled: created === 0,
        signatureKeyId: signer.keyId,
      };
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
  await appendOnce(
    deps.finetune,
    `radiology/pairs/${sha256(accession)}.json`,
    `radiology/${at.slice(0, 7)}.jsonl`,
    line,
  );
}
