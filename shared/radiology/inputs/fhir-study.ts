import type { DiagnosticReport, Identifier, ImagingStudy, Observation, Patient, ServiceRequest } from 'fhir/r4';
import { UserError } from '../../errors';
import type { RadiologyIntake } from '../intake';
import type { StudyInput } from '../study';
import { bodyPartOf } from './body-part';
import { BundleIndex, conceptText, type Located, listAt, textAt } from './fhir-bundle';
import { findingsText, priorText } from './fhir-observations';
import { contrastOf, dayOf, joinText, type StudyOrigins, validateMappedStudy } from './mapped-study';

/** A FHIR R4 Bundle (Patient, ServiceRequest, ImagingStudy, optional Observations and prior DiagnosticReport) as a study. */
export function studyFromFhirBundle(raw: unknown, source: string): RadiologyIntake {
  const index = new BundleIndex(raw);
  const studies = index.ofType<ImagingStudy>('ImagingStudy');
  if (studies.length !== 1)
    throw new UserError(
      `a radiology order bundle holds exactly one ImagingStudy, found ${studies.length}`,
      'Bundle.entry',
    );
  const imaging = studies[0]!;
  const patient = index.resolve<Patient>(imaging.resource.subject, imaging, 'subject', ['Patient']);
  const order = serviceRequestOf(index, imaging);
  const { study, origins } = mapStudy(index, imaging, patient, order);
  return validateMappedStudy(study, origins, source);
}

function serviceRequestOf(index: BundleIndex, imaging: Located<ImagingStudy>): Located<ServiceRequest> | undefined {
  const basedOn = listAt(imaging.resource.basedOn, `${imaging.path}.basedOn`);
  if (basedOn.length > 0) return index.resolve<ServiceRequest>(basedOn[0], imaging, 'basedOn[0]', ['ServiceRequest']);
  const orders = index.ofType<ServiceRequest>('ServiceRequest');
  if (orders.length > 1)
    throw new UserError(
      `${orders.length} ServiceRequests and no basedOn to say which one this study fulfils`,
      `${imaging.path}.basedOn`,
    );
  return orders[0];
}

function mapStudy(
  index: BundleIndex,
  imaging: Located<ImagingStudy>,
  patient: Located<Patient>,
  order: Located<ServiceRequest> | undefined,
): { study: StudyInput; origins: StudyOrigins } {
  const origins: StudyOrigins = {};
  const from = <T>(field: string, origin: string, value: T): T => {
    origins[field] = origin;
    return value;
  };
  const is = imaging.resource;
  const sr = order?.resource;
  const series = listAt(is.series, `${imaging.path}.series`);
  const description =
    textAt(is.description, `${imaging.path}.description`) ||
    (order ? conceptText(sr?.code, `${order.path}.code`) : '') ||
    conceptText(listAt(is.procedureCode, `${imaging.path}.procedureCode`)[0], `${imaging.path}.procedureCode[0]`);
  const bodySite =
    conceptText(series[0]?.bodySite, `${imaging.path}.series[0].bodySite`) ||
    (order ? conceptText(listAt(sr?.bodySite, `${order.path}.bodySite`)[0], `${order.path}.bodySite[0]`) : '');
  const accession = accessionOf(imaging, order);
  const modality = modalityOf(imaging);
  const reasons = [
    ...listAt(sr?.reasonCode, `${order?.path}.reasonCode`).map((c, i) =>
      conceptText(c, `${order?.path}.reasonCode[${i}]`),
    ),
    ...listAt(is.reasonCode, `${imaging.path}.reasonCode`).map((c, i) =>
      conceptText(c, `${imaging.path}.reasonCode[${i}]`),
    ),
    ...listAt(sr?.note, `${order?.path}.note`).map((n, i) => textAt(n.text, `${order?.path}.note[${i}].text`)),
  ];
  const prior = priorText(index.ofType<DiagnosticReport>('DiagnosticReport'));
  const requester = order && sr?.requester ? textAt(sr.requester.display, `${order.path}.requester.display`) : '';
  const study: StudyInput = {
    patient: patientOf(patient, from),
    accessionNumber: from('accessionNumber', accession.origin, accession.value),
    modality: from('modality', modality.origin, modality.value),
    bodyPart: from('bodyPart', `${imaging.path}.series[0].bodySite`, bodySite || bodyPartOf(description)),
    examDescription: from('examDescription', `${imaging.path}.description`, description),
    studyDate: from('studyDate', `${imaging.path}.started`, dayOf(textAt(is.started, `${imaging.path}.started`))),
    clinicalIndication: from('clinicalIndication', `${order?.path ?? imaging.path}.reasonCode`, joinText(reasons)),
    ...(prior ? { comparison: from('comparison', prior.path, prior.text) } : {}),
    technique: { contrast: contrastOf(description) },
    dictation: from('dictation', 'Bundle.entry(Observation)', findingsText(index.ofType<Observation>('Observation'))),
    ...(requester ? { referringPhysician: from('referringPhysician', `${order?.path}.requester`, requester) } : {}),
  };
  origins.findings = 'Bundle.entry(Observation)';
  return { study, origins };
}

type From = <T>(field: string, origin: string, value: T) => T;

function patientOf(patient: Located<Patient>, from: From): StudyInput['patient'] {
  const p = patient.resource;
  const names = listAt(p.name, `${patient.path}.name`);
  const at = Math.max(
    0,
    names.findIndex((n) => n.use === 'official'),
  );
  const name = names[at];
  const written =
    textAt(name?.text, `${patient.path}.name[${at}].text`) ||
    joinText([
      ...listAt(name?.given, `${patient.path}.name[${at}].given`),
      textAt(name?.family, `${patient.path}.name[${at}].family`),
    ]);
  const ids = listAt(p.identifier, `${patient.path}.identifier`);
  const mr = Math.max(
    0,
    ids.findIndex((id) => hasType(id, 'MR')),
  );
  return {
    name: from('patient.name', `${patient.path}.name[${at}]`, written),
    mrn: from(
      'patient.mrn',
      `${patient.path}.identifier[${mr}].value`,
      textAt(ids[mr]?.value, `${patient.path}.identifier[${mr}].value`),
    ),
    dob: from('patient.dob', `${patient.path}.birthDate`, textAt(p.birthDate, `${patient.path}.birthDate`)),
    sex: from('patient.sex', `${patient.path}.gender`, textAt(p.gender, `${patient.path}.gender`)),
    otherIds: from(
      'patient.otherIds',
      `${patient.path}.identifier`,
      ids
        .flatMap((id, i) => (i === mr ? [] : [textAt(id.value, `${patient.path}.identifier[${i}].value`)]))
        .filter(Boolean),
    ),
  };
}

const hasType = (id: Identifier, code: string) => (id.type?.coding ?? []).some((c) => c.code === code);

/** The ImagingStudy identifier typed ACSN (v2-0203, as the R4 ImagingStudy page says), else the order's requisition. */
function accessionOf(imaging: Located<ImagingStudy>, order: Located<ServiceRequest> | undefined) {
  const ids = listAt(imaging.resource.identifier, `${imaging.path}.identifier`);
  const at = ids.findIndex((id) => hasType(id, 'ACSN'));
  if (at >= 0)
    return {
      origin: `${imaging.path}.identifier[${at}].value`,
      value: textAt(ids[at]!.value, `${imaging.path}.identifier[${at}].value`),
    };
  const requisition = order ? textAt(order.resource.requisition?.value, `${order.path}.requisition.value`) : '';
  if (requisition) return { origin: `${order!.path}.requisition.value`, value: requisition };
  throw new UserError(
    'no accession number: give an identifier with type http://terminology.hl7.org/CodeSystem/v2-0203 ACSN (or ServiceRequest.requisition)',
    `${imaging.path}.identifier`,
  );
}

/** ImagingStudy.modality[0] (R4: Coding[]), else series[0].modality (a Coding, DICOM DCM codes). */
function modalityOf(imaging: Located<ImagingStudy>): { origin: string; value: string } {
  const listed = listAt(imaging.resource.modality, `${imaging.path}.modality`);
  const series = listAt(imaging.resource.series, `${imaging.path}.series`);
  const origin = listed.length > 0 ? `${imaging.path}.modality[0]` : `${imaging.path}.series[0].modality`;
  const coding: unknown = listed.length > 0 ? listed[0] : series[0]?.modality;
  if (coding === undefined) throw new UserError('missing: the DICOM modality (a Coding, e.g. {"code":"CT"})', origin);
  if (coding === null || typeof coding !== 'object' || Array.isArray(coding))
    throw new UserError(
      `must be a Coding ({"system":"http://dicom.nema.org/resources/ontology/DCM","code":"CT"}), not ${JSON.stringify(coding)}`,
      origin,
    );
  return { origin, value: textAt((coding as { code?: unknown }).code, `${origin}.code`) };
}
