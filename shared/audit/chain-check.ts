import { type ChainedRecord, GENESIS, hashOf } from './canonical';
import type { AuditProblem, ProblemKind } from './problem';
import { parseLine } from './reader';
import { validateAuditRecord } from './schema';

/** One stored line of a chain, located by segment blob and 1-based line number. */
export interface ChainLine {
  blob: string;
  segment: number;
  line: number;
  text: string;
}

interface Parsed extends ChainLine {
  entry?: ChainedRecord;
  /** The record hashes to its own `hash`. */
  intact: boolean;
}

export interface ChainCheck {
  records: number;
  /** Parsed records, aligned with the lines (undefined where a line is not JSON). */
  entries: (ChainedRecord | undefined)[];
  problem?: AuditProblem;
}

/**
 * Walks one chain across its segments: each line must parse, carry the next seq, link to the previous hash, hash
 * to itself and pass its schema. At the first break it says which tampering explains it, from what the rest of
 * the chain holds: a record that appears later was reordered, one that never appears was deleted, one that the
 * chain continues without was inserted.
 */
export function checkChain(lines: ChainLine[]): ChainCheck {
  const parsed: Parsed[] = lines.map((l) => {
    const entry = parseLine(l.text);
    return { ...l, entry, intact: entry !== undefined && hashOf(entry) === entry.hash };
  });
  const result: ChainCheck = { records: parsed.filter((p) => p.entry).length, entries: parsed.map((p) => p.entry) };
  let expected = 0;
  let prev = GENESIS;
  for (const [i, p] of parsed.entries()) {
    if (!p.entry) return { ...result, problem: at(p, 'unparseable', 'line is not valid JSON: its bytes were edited') };
    if (!follows(p, expected, prev)) return { ...result, problem: explainBreak(parsed, i, expected, prev) };
    if (!p.intact)
      return { ...result, problem: at(p, 'edited', 'hash does not match the content: the record was edited') };
    const { seq: _seq, prevHash: _prevHash, hash: _hash, ...record } = p.entry;
    try {
      validateAuditRecord(record);
    } catch (error) {
      return { ...result, problem: at(p, 'invalid', (error as Error).message) };
    }
    expected++;
    prev = p.entry.hash;
  }
  return result;
}

const follows = (p: Parsed, seq: number, prevHash: string) => p.entry?.seq === seq && p.entry.prevHash === prevHash;

const seqs = (from: number, to: number) => (from === to ? `seq ${from}` : `seqs ${from}..${to}`);

function at(p: Parsed, kind: ProblemKind, problem: string): AuditProblem {
  return { kind, blob: p.blob, line: p.line, seq: typeof p.entry?.seq === 'number' ? p.entry.seq : undefined, problem };
}

const where = (p: Parsed, from: Parsed) => (p.blob === from.blob ? `line ${p.line}` : `${p.blob} line ${p.line}`);

function explainBreak(parsed: Parsed[], i: number, expected: number, prev: string): AuditProblem {
  const here = parsed[i]!;
  const entry = here.entry!;
  const next = parsed[i + 1];
  if (next?.intact && follows(next, expected, prev)) {
    // The record that belongs here comes next: this one was moved up from just after it, or never belonged.
    if (here.intact && entry.seq === expected + 1 && entry.prevHash === next.entry!.hash)
      return at(
        here,
        'reordered',
        `records reordered: seq ${entry.seq} comes before seq ${expected} (${where(next, here)})`,
      );
    return at(
      here,
      'inserted',
      `record inserted: seq ${entry.seq} does not belong between seq ${expected - 1} and seq ${expected}`,
    );
  }
  if (!here.intact) return at(here, 'edited', 'hash does not match the content: the record was edited');
  if (typeof entry.seq === 'number' && entry.seq < expected) {
    const first = parsed.find((q) => q.entry?.seq === entry.seq)!;
    const copy = first.entry!.hash === entry.hash;
    // Two records claim one seq: the one the next record links to is the original, the other was inserted.
    if (!copy && next?.entry?.prevHash === entry.hash)
      return at(
        first,
        'inserted',
        `record inserted: this seq ${entry.seq} is not the one the chain continues from (${where(here, first)})`,
      );
    return at(
      here,
      'inserted',
      `record inserted: seq ${entry.seq} was already used at ${where(first, here)}${copy ? ' (this is a copy of it)' : ''}`,
    );
  }
  if (typeof entry.seq === 'number' && entry.seq > expected) {
    const later = parsed.find((q, j) => j > i && q.intact && follows(q, expected, prev));
    if (later)
      return at(
        here,
        'reordered',
        `records reordered: seq ${expected} belongs here but appears later, at ${where(later, here)}`,
      );
    return at(
      here,
      'deleted',
      `record(s) deleted: ${seqs(expected, entry.seq - 1)} missing${missingSegments(parsed[i - 1], here)}`,
    );
  }
  return at(
    here,
    'replaced',
    `prevHash does not match the hash of seq ${expected - 1}: that record or this one was replaced`,
  );
}

function missingSegments(before: Parsed | undefined, here: Parsed): string {
  const from = (before?.segment ?? -1) + 1;
  if (from >= here.segment) return '';
  return from === here.segment - 1 ? `; segment ${from} is gone` : `; segments ${from}..${here.segment - 1} are gone`;
}
