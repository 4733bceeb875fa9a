import { UserError } from '../../errors';
import type { RadiologyIntake } from '../intake';
import type { StudyInput } from '../study';
import { bodyPartOf } from './body-part';
import { fieldValue, type Hl7Message, type Hl7Segment, parseEr7, repetitionsOf } from './hl7v2-grammar';
import { hl7Modality, hl7Sex, notesOf, personName } from './hl7v2-values';
import { contrastOf, dayOf, joinText, type StudyOrigins, validateMappedStudy } from './mapped-study';

const ORDER_TYPES = ['ORM^O01', 'OMI^O23'];

/** An HL7 v2 ORM^O01 / OMI^O23 radiology order (ER7 text) as the same validated study a JSON submission gives. */
export function studyFromHl7v2(text: string, source: string): RadiologyIntake {
  const message = parseEr7(text);
  const msh = message.segments[0]!;
  const type = `${fieldValue(msh, 9, 1)}^${fieldValue(msh, 9, 2)}`;
  if (!ORDER_TYPES.includes(type))
    throw new UserError(
      `${JSON.stringify(type)} is not a radiology order; Enclave accepts ${ORDER_TYPES.join(' and ')}`,
      'MSH-9 (message type)',
    );
  const pid = only(message, 'PID', true)!;
  const obr = only(message, 'OBR', true)!;
  const orc = only(message, 'ORC', false);
  const ipc = message.segments.find((s) => s.name === 'IPC');
  const pv1 = only(message, 'PV1', false);
  const { study, origins } = mapOrder({ pid, obr, orc, ipc, pv1 }, message);
  return validateMappedStudy(study, origins, source);
}

function only(message: Hl7Message, name: string, required: boolean): Hl7Segment | undefined {
  const found = message.segments.filter((s) => s.name === name);
  if (found.length === 0 && required) throw new UserError(`the order has no ${name} segment`, name);
  if (found.length > 1)
    throw new UserError(
      `one message is one exam: found ${found.length} ${name} segments (segments ${found.map((s) => s.position).join(', ')}); send one order per message`,
      name,
    );
  return found[0];
}

interface OrderSegments {
  pid: Hl7Segment;
  obr: Hl7Segment;
  orc?: Hl7Segment;
  ipc?: Hl7Segment;
  pv1?: Hl7Segment;
}

function mapOrder(s: OrderSegments, message: Hl7Message): { study: StudyInput; origins: StudyOrigins } {
  const origins: StudyOrigins = {};
  const from = <T>(field: string, origin: string, value: T): T => {
    origins[field] = origin;
    return value;
  };
  const procedure = fieldValue(s.obr, 4, 2) || fieldValue(s.obr, 4, 1);
  if (!procedure)
    throw new UserError('missing: the ordered procedure (code^text)', 'OBR-4 (universal service identifier)');
  const notes = notesOf(message);
  const accession = accessionOf(s);
  const referring = personName(s.obr.fields[16]?.[0], true) || personName(s.pv1?.fields[8]?.[0], true);
  const bodySite = fieldValue(s.obr, 15, 4, 2) || fieldValue(s.obr, 15, 4, 1);
  const study: StudyInput = {
    patient: {
      name: from('patient.name', 'PID-5 (patient name)', personName(s.pid.fields[5]?.[0], false)),
      mrn: from('patient.mrn', 'PID-3 (patient identifier list)', mrnOf(s.pid)),
      dob: from('patient.dob', 'PID-7 (date of birth)', dayOf(fieldValue(s.pid, 7))),
      sex: from('patient.sex', 'PID-8 (administrative sex)', hl7Sex(fieldValue(s.pid, 8))),
      otherIds: from('patient.otherIds', 'PID-2 / PID-3 / PID-4 / PID-19 / PID-20', otherIdsOf(s.pid)),
    },
    accessionNumber: from('accessionNumber', accession.origin, accession.value),
    modality: from('modality', 'OBR-24 (diagnostic service section ID) / IPC-5 (modality)', hl7Modality(s, procedure)),
    bodyPart: from('bodyPart', 'OBR-15 (body site) / OBR-4.2 (procedure text)', bodySite || bodyPartOf(procedure)),
    examDescription: from('examDescription', 'OBR-4.2 (procedure text)', procedure),
    studyDate: from(
      'studyDate',
      'OBR-7 (observation date/time) / OBR-36 (scheduled date/time)',
      dayOf(fieldValue(s.obr, 7) || fieldValue(s.obr, 36) || fieldValue(s.orc, 9)),
    ),
    clinicalIndication: from(
      'clinicalIndication',
      'OBR-31 (reason for study) / OBR-13 (relevant clinical information) / NTE',
      joinText([fieldValue(s.obr, 31, 2) || fieldValue(s.obr, 31, 1), fieldValue(s.obr, 13), notes.history]).slice(
        0,
        1000,
      ),
    ),
    ...(notes.comparison
      ? { comparison: from('comparison', 'OBX (comparison, LOINC 18834-2)', notes.comparison) }
      : {}),
    technique: { contrast: contrastOf(procedure) },
    dictation: from('dictation', 'OBX-5 (observation value) / NTE after OBX', notes.findings),
    ...(referring ? { referringPhysician: from('referringPhysician', 'OBR-16 / PV1-8', referring) } : {}),
  };
  origins.findings = 'OBX-5 (observation value)';
  return { study, origins };
}

/**
 * Accession: IPC-1 (OMI^O23), else OBR-18 (placer field 1, where IHE Scheduled Workflow puts it for ORM), else the
 * filler order number ORC-3 / OBR-3 (what RIS that do not fill OBR-18 send).
 */
function accessionOf(s: OrderSegments): { value: string; origin: string } {
  const candidates: [string, string][] = [
    ['IPC-1 (accession identifier)', fieldValue(s.ipc, 1)],
    ['OBR-18 (placer field 1, accession)', fieldValue(s.obr, 18)],
    ['ORC-3 (filler order number)', fieldValue(s.orc, 3)],
    ['OBR-3 (filler order number)', fieldValue(s.obr, 3)],
  ];
  const hit = candidates.find(([, value]) => value !== '');
  if (!hit)
    throw new UserError('missing: no accession number in IPC-1, OBR-18, ORC-3 or OBR-3', 'OBR-18 (placer field 1)');
  return { origin: hit[0], value: hit[1] };
}

/** PID-3 is repeated (MRN, national number, …): the MR-typed identifier (CX-5), else the first. */
function mrnOf(pid: Hl7Segment): string {
  const ids = repetitionsOf(pid, 3);
  const mr = ids.find((id) => id[4]?.[0]?.trim().toUpperCase() === 'MR') ?? ids[0];
  return mr?.[0]?.[0]?.trim() ?? '';
}

/** Every identifier in PID besides the MRN: they are PHI the de-identifier must find in free text. */
function otherIdsOf(pid: Hl7Segment): string[] {
  const mrn = mrnOf(pid);
  const ids = [2, 3, 4, 19, 20].flatMap((n) => repetitionsOf(pid, n).map((rep) => rep[0]?.[0]?.trim() ?? ''));
  return [...new Set(ids.filter((id) => id !== '' && id !== mrn))];
}
