import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import type { Bundle, ImagingStudy, Patient } from 'fhir/r4';
import { UserError } from '../../../shared/errors';
import { studyFromFhirBundle } from '../../../shared/radiology/inputs/fhir-study';

const text = readFileSync(
  path.join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'radiology', 'chest-ct-bundle.fhir.json'),
  'utf8',
);
const fresh = (): Bundle => JSON.parse(text);
const entry = <T>(b: Bundle, i: number) => b.entry![i]!.resource as T;

// HL7's FHIR R4 JSON schema: the fixtures are valid FHIR, so the mapper is tested on what real senders can send.
const Validator: new () => {
  validate(resource: unknown): unknown[];
} = require('@asymmetrik/fhir-json-schema-validator');

const rejects = (bundle: unknown, where: string, message?: RegExp) =>
  assert.throws(
    () => studyFromFhirBundle(bundle, 'body'),
    (e: unknown) => {
      assert.ok(e instanceof UserError, String(e));
      assert.equal(e.where, where);
      if (message) assert.match(e.message, message);
      return true;
    },
  );

test('the fixture bundle is valid FHIR R4 and maps to the same study a JSON submission gives', () => {
  assert.deepEqual(new Validator().validate(fresh()), []);
  const { study } = studyFromFhirBundle(fresh(), 'body');
  assert.deepEqual(study.patient, {
    name: "Margaret O'Connell",
    mrn: 'MRN-00482913',
    dob: '1957-03-14',
    sex: 'female',
    otherIds: ['9434765919'],
  });
  assert.deepEqual(
    [study.accessionNumber, study.modality, study.bodyPart, study.examDescription, study.studyDate],
    ['ACC-2026-118842', 'CT', 'Chest', 'CT chest with contrast', '2026-11-24'],
  );
  assert.equal(study.comparison, 'CT chest of 2024-03-03.');
  assert.equal(study.technique.contrast, 'iv');
  assert.match(study.clinicalIndication, /^Sudden dyspnoea .* history of smoking\.$/);
  assert.match(study.dictation, /^pleura: Right tension pneumothorax .*\ndictation: Dr\. Patel was called/);
  assert.equal(study.referringPhysician, 'Dr. Amit Patel');
});

test('Patient/123 references, absolute fullUrls and a contained Patient resolve; a collection or message bundle is read', () => {
  const b = fresh();
  b.type = 'collection';
  b.entry![0]!.fullUrl = 'https://pacs.example/fhir/Patient/123';
  entry<Patient>(b, 0).id = '123';
  entry<ImagingStudy>(b, 2).subject = { reference: 'Patient/123/_history/4' };
  assert.equal(studyFromFhirBundle(b, 'body').study.patient.mrn, 'MRN-00482913');

  const contained = fresh();
  contained.type = 'message';
  const patient = { ...entry<Patient>(contained, 0), id: 'p1' };
  contained.entry!.splice(0, 1);
  const imaging = entry<ImagingStudy>(contained, 1);
  imaging.contained = [patient];
  imaging.subject = { reference: '#p1' };
  assert.equal(studyFromFhirBundle(contained, 'body').study.patient.name, "Margaret O'Connell");
});

test('unresolved and wrong-type references, and wrong element types, are named by FHIRPath', () => {
  const unresolved = fresh();
  entry<ImagingStudy>(unresolved, 2).subject = { reference: 'Patient/999' };
  rejects(unresolved, 'Bundle.entry[2].resource(ImagingStudy).subject', /"Patient\/999" resolves to no resource/);

  const wrongType = fresh();
  entry<ImagingStudy>(wrongType, 2).subject = { reference: 'urn:uuid:9b1f4a2e-6c1d-4f0e-9a55-2f7d0b1c3e04' };
  rejects(wrongType, 'Bundle.entry[2].resource(ImagingStudy).subject', /is a Observation .*expected Patient/);

  const stringModality = fresh();
  (entry<ImagingStudy>(stringModality, 2).series![0] as { modality: unknown }).modality = 'CT';
  rejects(stringModality, 'Bundle.entry[2].resource(ImagingStudy).series[0].modality', /must be a Coding/);

  const badModality = fresh();
  entry<ImagingStudy>(badModality, 2).series![0]!.modality = { code: 'SR' };
  rejects(badModality, 'Bundle.entry[2].resource(ImagingStudy).series[0].modality', /CT, MR, XR/);

  const gender = fresh();
  (entry<Patient>(gender, 0) as { gender: unknown }).gender = 'q';
  rejects(gender, 'Bundle.entry[0].resource(Patient).gender', /female, male/);

  const noAccession = fresh();
  entry<ImagingStudy>(noAccession, 2).identifier = [];
  delete entry<{ requisition?: unknown }>(noAccession, 1).requisition;
  rejects(noAccession, 'Bundle.entry[2].resource(ImagingStudy).identifier', /ACSN/);

  const noFindings = fresh();
  noFindings.entry = noFindings.entry!.filter((e) => e.resource?.resourceType !== 'Observation');
  rejects(noFindings, 'Bundle.entry(Observation)', /findings or dictation/);
});

test('not a Bundle, a bad Bundle.type, no or two ImagingStudies, two ServiceRequests without basedOn', () => {
  rejects({ resourceType: 'ImagingStudy', status: 'available' }, 'Bundle.resourceType', /found "ImagingStudy"/);
  rejects({ ...fresh(), type: 'searchset' }, 'Bundle.type');
  rejects({ ...fresh(), entry: {} }, 'Bundle.entry');
  const none = fresh();
  none.entry!.splice(2, 1);
  rejects(none, 'Bundle.entry', /exactly one ImagingStudy, found 0/);
  const two = fresh();
  two.entry!.push({ resource: entry(two, 2) });
  rejects(two, 'Bundle.entry', /found 2/);
  const orders = fresh();
  delete entry<ImagingStudy>(orders, 2).basedOn;
  orders.entry!.push({ resource: entry(orders, 1) });
  rejects(orders, 'Bundle.entry[2].resource(ImagingStudy).basedOn', /2 ServiceRequests/);
  const duplicateUrl = fresh();
  duplicateUrl.entry![1]!.fullUrl = duplicateUrl.entry![0]!.fullUrl;
  rejects(duplicateUrl, 'Bundle.entry[1]', /names two entries/);
});

test('an entered-in-error Observation is not read as a finding', () => {
  const b = fresh();
  entry<{ status: string }>(b, 3).status = 'entered-in-error';
  assert.doesNotMatch(studyFromFhirBundle(b, 'body').study.dictation, /tension pneumothorax/);
});
