import { UserError } from '../../errors';

/** MSH-1 and MSH-2: the characters this message uses (not always `|^~\&`). */
export interface Hl7Separators {
  field: string;
  component: string;
  repetition: string;
  escape: string;
  subcomponent: string;
}

/** One segment; `fields[n]` is field n in HL7 numbering, as repetitions of components of (decoded) subcomponents. */
export interface Hl7Segment {
  name: string;
  /** 1-based position in the message, for errors. */
  position: number;
  fields: string[][][][];
}

export interface Hl7Message {
  separators: Hl7Separators;
  segments: Hl7Segment[];
}

const SEGMENT_NAME = /^[A-Z][A-Z0-9]{2}$/;

/**
 * Parses an ER7 (pipe-delimited) HL7 v2 message. Segments end with CR, LF or CRLF; an MLLP frame (VT … FS CR) is
 * unwrapped. Escape sequences are decoded per leaf, so an escaped separator never splits a value.
 */
export function parseEr7(text: string): Hl7Message {
  const body = unframe(text);
  const lines = body.split(/\r\n|\r|\n/).filter((line) => line.trim() !== '');
  const header = lines[0] ?? '';
  if (!header.startsWith('MSH')) throw new UserError('an HL7 v2 message starts with an MSH segment', 'MSH');
  const separators = separatorsOf(header);
  const segments = lines.map((line, i) => parseSegment(line, i + 1, separators));
  return { separators, segments };
}

const VT = '\u000b';
const FS = '\u001c';

/** Strips an MLLP frame (VT at the start, FS [CR] at the end) when a sender saved the bytes as they came off the wire. */
export function unframe(text: string): string {
  let body = text.startsWith(VT) ? text.slice(1) : text;
  if (body.endsWith(`${FS}\r`)) body = body.slice(0, -2);
  else if (body.endsWith(FS)) body = body.slice(0, -1);
  return body;
}

function separatorsOf(header: string): Hl7Separators {
  const field = header.charAt(3);
  if (!field || /[A-Za-z0-9\s]/.test(field))
    throw new UserError(`the field separator (the character after "MSH") must be a symbol such as "|"`, 'MSH-1');
  const encoding = header.slice(4).split(field)[0] ?? '';
  const chars = [...encoding];
  const distinct = new Set([field, ...chars]).size === chars.length + 1;
  if ((chars.length !== 4 && chars.length !== 5) || !distinct || chars.some((c) => /[A-Za-z0-9\s]/.test(c)))
    throw new UserError(
      'expected 4 distinct symbols (component, repetition, escape, subcomponent), e.g. ^~\\&',
      'MSH-2 (encoding characters)',
    );
  const [component, repetition, escapeChar, subcomponent] = chars as [string, string, string, string];
  return { field, component, repetition, escape: escapeChar, subcomponent };
}

function parseSegment(line: string, position: number, sep: Hl7Separators): Hl7Segment {
  const parts = line.split(sep.field);
  const name = parts[0] ?? '';
  if (!SEGMENT_NAME.test(name))
    throw new UserError(
      `segment ${position} does not start with a segment name (three capitals or digits, e.g. OBR)`,
      `segment ${position}`,
    );
  if (name === 'MSH') {
    // MSH-1 is the field separator itself and MSH-2 the encoding characters: neither is split nor decoded.
    const rest = parts.slice(2).map((raw, i) => splitField(raw, sep, `MSH-${i + 3}`));
    return { name, position, fields: [[], [[[sep.field]]], [[[parts[1] ?? '']]], ...rest] };
  }
  const fields = parts.map((raw, i) => (i === 0 ? [[[name]]] : splitField(raw, sep, `${name}-${i}`)));
  return { name, position, fields };
}

function splitField(raw: string, sep: Hl7Separators, where: string): string[][][] {
  return raw
    .split(sep.repetition)
    .map((rep) =>
      rep.split(sep.component).map((comp) => comp.split(sep.subcomponent).map((s) => decode(s, sep, where))),
    );
}

/** Decodes \F\ \S\ \T\ \R\ \E\, \.br\, \Xhh\ and drops highlighting / character-set switches (\H\ \N\ \C..\ \M..\). */
export function decode(raw: string, sep: Hl7Separators, where: string): string {
  if (raw === '""') return '';
  if (!raw.includes(sep.escape)) return raw;
  let out = '';
  let i = 0;
  while (i < raw.length) {
    const at = raw.indexOf(sep.escape, i);
    if (at < 0) return out + raw.slice(i);
    out += raw.slice(i, at);
    const end = raw.indexOf(sep.escape, at + 1);
    if (end < 0)
      throw new UserError(
        `an escape sequence is not closed; a literal ${sep.escape} is written ${sep.escape}E${sep.escape}`,
        where,
      );
    out += escapeValue(raw.slice(at + 1, end), sep, where);
    i = end + 1;
  }
  return out;
}

function escapeValue(code: string, sep: Hl7Separators, where: string): string {
  const simple: Record<string, string> = {
    F: sep.field,
    S: sep.component,
    T: sep.subcomponent,
    R: sep.repetition,
    E: sep.escape,
    H: '',
    N: '',
    '.br': '\n',
    '.sp': '\n',
  };
  const value = simple[code];
  if (value !== undefined) return value;
  if (/^X(?:[0-9A-Fa-f]{2})+$/.test(code)) return Buffer.from(code.slice(1), 'hex').toString('utf8');
  if (/^[CM][0-9A-Fa-f]{4,6}$/.test(code)) return '';
  throw new UserError(
    `unknown escape sequence ${sep.escape}${code.slice(0, 8)}${sep.escape} (known: F S T R E H N .br X.., as HL7 v2 chapter 2.7)`,
    where,
  );
}

/** The first value of field `n` (component and subcomponent 1-based), '' when absent. */
export function fieldValue(segment: Hl7Segment | undefined, n: number, component = 1, sub = 1, repetition = 0): string {
  return segment?.fields[n]?.[repetition]?.[component - 1]?.[sub - 1]?.trim() ?? '';
}

/** Every repetition of field `n` that carries any value. */
export function repetitionsOf(segment: Hl7Segment | undefined, n: number): string[][][] {
  return (segment?.fields[n] ?? []).filter((rep) => rep.some((comp) => comp.some((s) => s.trim() !== '')));
}
