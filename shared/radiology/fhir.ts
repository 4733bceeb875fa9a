import type { DiagnosticReport } from 'fhir/r4';
import type { SectionName } from './report';

/** FHIR R4 DiagnosticReport for a signed report (status final, resultsInterpreter = the signer). */
export function diagnosticReport(input: {
  accession: string;
  patient: { mrn: string; name: string };
  modality: string;
  examDescription: string;
  studyDate: string;
  sections: Record<SectionName, string>;
  signer: string;
  signedAt: string;
  pdfBase64: string;
}): DiagnosticReport {
  return {
    resourceType: 'DiagnosticReport',
    id: input.accession,
    identifier: [{ system: 'urn:enclave:accession', value: input.accession }],
    status: 'final',
    category: [
      { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0074', code: 'RAD', display: 'Radiology' }] },
    ],
    code: {
      coding: [{ system: 'http://loinc.org', code: '18748-4', display: 'Diagnostic imaging study' }],
      text: `${input.modality} ${input.examDescription}`,
    },
    subject: { identifier: { system: 'urn:enclave:mrn', value: input.patient.mrn }, display: input.patient.name },
    effectiveDateTime: input.studyDate,
    issued: input.signedAt,
    resultsInterpreter: [{ display: input.signer }],
    conclusion: input.sections.impression,
    presentedForm: [
      {
        contentType: 'text/plain',
        data: Buffer.from(Object.values(input.sections).join('\n\n')).toString('base64'),
        title: 'Report',
      },
      { contentType: 'application/pdf', data: input.pdfBase64, title: 'Signed report' },
    ],
  };
}
