import { UserError } from '../../errors';
import type { Hl7Message, Hl7Segment } from './hl7v2-grammar';
import { fieldValue } from './hl7v2-grammar';
import { joinText } from './mapped-study';

const TABLE_0001 = ['F', 'M', 'O', 'U', 'A', 'N'];

/** PID-8 as HL7 table 0001; codes.ts maps it to FHIR gender. */
export function hl7Sex(code: string): string {
  if (!TABLE_0001.includes(code.toUpperCase()))
    throw new UserError(
      `${JSON.stringify(code)} is not an HL7 table 0001 code (F, M, O, U, A, N)`,
      'PID-8 (administrative sex)',
    );
  return code;
}

/** HL7 table 0074 (diagnostic service section) values that name an imaging modality. */
const TABLE_0074: Record<string, string> = { CT: 'CT', NMR: 'MR', MR: 'MR', NMS: 'NM', RX: 'XR', US: 'US', VUS: 'US' };
const DICOM = /^(CT|MR|CR|DX|XR|US|NM|PT|PET)\b/i;

/** IPC-5 (DICOM modality), else OBR-24 via table 0074, else a DICOM modality code leading the procedure text. */
export function hl7Modality(s: { obr: Hl7Segment; ipc?: Hl7Segment }, procedure: string): string {
  const ipc = fieldValue(s.ipc, 5);
  if (ipc) return ipc;
  const section = fieldValue(s.obr, 24).toUpperCase();
  if (TABLE_0074[section]) return TABLE_0074[section]!;
  const leading = DICOM.exec(procedure.trim())?.[1] ?? DICOM.exec(fieldValue(s.obr, 4, 1))?.[1];
  if (leading) return leading;
  throw new UserError(
    `no modality: OBR-24 is ${section ? JSON.stringify(section) : 'empty'} (table 0074: CT, NMR, NMS, RX, US) and the procedure text does not start with a DICOM modality code`,
    'OBR-24 (diagnostic service section ID)',
  );
}

/** XPN (family^given^middle^suffix^prefix) as "Given Middle Family Suffix"; an XCN (id^family^…) keeps its prefix ("Dr."). */
export function personName(components: string[][] | undefined, withId: boolean): string {
  if (!components) return '';
  const part = (i: number) => components[i + (withId ? 1 : 0)]?.[0]?.trim() ?? '';
  return joinText([withId ? part(4) : '', part(1), part(2), part(0), part(3)]);
}

/** LOINC codes RIS put on OBX for the order's history or comparison instead of findings. */
const HISTORY_CODES = new Set(['11329-0', '18785-6', '55752-0', '67098-8']);
const COMPARISON_CODES = new Set(['18834-2']);
/** OBX-11 statuses that withdraw a result: deleted, wrong, cannot be obtained. */
const WITHDRAWN = new Set(['D', 'W', 'X']);

export interface OrderNotes {
  history: string;
  comparison: string;
  findings: string;
}

/** OBX text and NTE notes in message order: NTE before any OBX is history; OBX text (and its NTE) are findings. */
export function notesOf(message: Hl7Message): OrderNotes {
  const history: string[] = [];
  const comparison: string[] = [];
  const findings: string[] = [];
  let seenObx = false;
  for (const segment of message.segments) {
    if (segment.name === 'NTE') (seenObx ? findings : history).push(ntext(segment, 3));
    if (segment.name !== 'OBX') continue;
    seenObx = true;
    if (WITHDRAWN.has(fieldValue(segment, 11).toUpperCase())) continue;
    const code = fieldValue(segment, 3, 1);
    const value = observationText(segment);
    if (HISTORY_CODES.has(code)) history.push(value);
    else if (COMPARISON_CODES.has(code)) comparison.push(value);
    else findings.push(value);
  }
  return { history: joinText(history), comparison: joinText(comparison), findings: joinText(findings, '\n') };
}

const ntext = (segment: Hl7Segment, n: number) =>
  joinText(
    (segment.fields[n] ?? []).map((rep) => rep.map((c) => c.join(' ')).join(' ')),
    '\n',
  );

function observationText(obx: Hl7Segment): string {
  const type = fieldValue(obx, 2).toUpperCase();
  const reps = obx.fields[5] ?? [];
  if (type === 'CE' || type === 'CWE' || type === 'CNE') return joinText(reps.map((rep) => rep[1]?.[0] || rep[0]?.[0]));
  if (type === 'NM' || type === 'SN') {
    const label = fieldValue(obx, 3, 2) || fieldValue(obx, 3, 1);
    return `${label}: ${joinText(reps.map((rep) => rep.map((c) => c.join('')).join(' ')))} ${fieldValue(obx, 6)}`.trim();
  }
  // TX, FT, ST: components carry no meaning in free text, so they are joined with a space.
  return joinText(
    reps.map((rep) => rep.map((c) => c.join(' ')).join(' ')),
    '\n',
  );
}
