import assert from 'node:assert/strict';
import { test } from 'node:test';
import { UserError } from '../../../shared/errors';
import {
  formatOfBlobName,
  formatOfContentType,
  readRadiologyInput,
  UnsupportedMediaType,
} from '../../../shared/radiology/inputs/formats';

test('the HTTP body format comes from Content-Type; other types are read as HL7 v2 when they start with MSH, else JSON', () => {
  assert.equal(formatOfContentType(undefined, '{}'), 'json');
  assert.equal(formatOfContentType('application/json; charset=utf-8', '{}'), 'json');
  assert.equal(formatOfContentType('application/fhir+json', '{}'), 'fhir');
  assert.equal(formatOfContentType('x-application/hl7-v2+er7', 'MSH|'), 'hl7v2');
  assert.equal(formatOfContentType('Application/HL7-V2; charset=utf-8', 'MSH|'), 'hl7v2');
  assert.equal(formatOfContentType('text/plain', '\u000bMSH|^~\\&|'), 'hl7v2');
  assert.equal(formatOfContentType('text/plain;charset=UTF-8', '{"patient":{}}'), 'json', 'what fetch sends');
  assert.equal(formatOfContentType('application/x-www-form-urlencoded', '{}'), 'json', 'what curl -d sends');
  assert.throws(() => formatOfContentType('application/fhir+xml', '<Bundle/>'), UnsupportedMediaType);
  assert.throws(
    () => formatOfContentType('application/xml', '<Bundle/>'),
    /content-type: "application\/xml" is not accepted/,
  );
});

test('the inbox format comes from the blob name; JSON with a resourceType is read as FHIR', () => {
  assert.deepEqual(['a/b.HL7', 'x.fhir.json', 'x.json', 'x'].map(formatOfBlobName), ['hl7v2', 'fhir', 'json', 'json']);
  assert.throws(
    () => readRadiologyInput(JSON.stringify({ resourceType: 'Patient' }), 'json', 'body'),
    (e: unknown) => e instanceof UserError && e.where === 'Bundle.resourceType',
  );
  assert.throws(() => readRadiologyInput('{"resourceType":', 'fhir', 'body'), /not valid JSON/);
  assert.throws(() => readRadiologyInput('{}', 'hl7v2', 'body'), /starts with an MSH/);
});
