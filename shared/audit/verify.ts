import type { TableClient } from '@azure/data-tables';
import type { ContainerClient } from '@azure/storage-blob';
import { type ChainedRecord, GENESIS, hashOf } from './canonical';
import { readChains, readHeads } from './reader';
import { validateAuditRecord } from './schema';

export interface AuditProblem {
  blob: string;
  line?: number;
  seq?: number;
  problem: string;
}

export interface VerifyResult {
  ok: boolean;
  records: number;
  chains: number;
  problems: AuditProblem[];
}

/**
 * Recomputes every chain: each line must parse, pass its schema, carry the next seq, link to the previous hash and
 * hash to itself; each chain must end where its recorded head says and every head must have its chain. An edit,
 * deletion, insertion, reordering or truncation each breaks one of these.
 */
export async function verifyAudit(
  container: ContainerClient,
  headsTable: TableClient,
  from: string,
  to: string,
): Promise<VerifyResult> {
  const problems: AuditProblem[] = [];
  // Heads first: a head is written after its append, so chains read afterwards are at least as long as their heads.
  const heads = await readHeads(headsTable, from, to);
  const files = await readChains(container, from, to);
  let records = 0;
  for (const file of files) {
    let expectedSeq = 0;
    let prev = GENESIS;
    for (const [index, line] of file.lines.entries()) {
      const at = { blob: file.blob, line: index + 1 };
      let entry: ChainedRecord;
      try {
        entry = JSON.parse(line) as ChainedRecord;
      } catch {
        problems.push({ ...at, problem: 'line is not valid JSON (edited bytes)' });
        break;
      }
      records++;
      const { seq, prevHash, hash, ...record } = entry;
      if (seq !== expectedSeq) {
        problems.push({
          ...at,
          seq,
          problem:
            seq > expectedSeq
              ? `seq ${seq} where ${expectedSeq} was expected: record(s) deleted`
              : `seq ${seq} where ${expectedSeq} was expected: records reordered or inserted`,
        });
        break;
      }
      if (prevHash !== prev) {
        problems.push({
          ...at,
          seq,
          problem: 'prevHash does not match the previous record: a record was inserted, removed or reordered',
        });
        break;
      }
      if (hashOf(entry) !== hash) {
        problems.push({ ...at, seq, problem: 'hash does not match the content: the record was edited' });
        break;
      }
      try {
        validateAuditRecord(record);
      } catch (error) {
        problems.push({ ...at, seq, problem: (error as Error).message });
        break;
      }
      expectedSeq = seq + 1;
      prev = hash;
    }
  }
  for (const head of heads) {
    const file = files.find((f) => f.blob === head.blob);
    if (!file) {
      problems.push({
        blob: head.blob,
        problem: `chain missing: the head records seq ${head.seq} but the blob is gone`,
      });
      continue;
    }
    const last = file.lines.at(-1);
    const lastEntry = last ? (safeParse(last) as ChainedRecord | undefined) : undefined;
    if (!lastEntry || lastEntry.seq < head.seq) {
      problems.push({
        blob: head.blob,
        line: file.lines.length,
        problem: `chain truncated: ends at seq ${lastEntry?.seq ?? 'nothing'}, head says ${head.seq}`,
      });
    } else {
      const atHead = safeParse(file.lines[head.seq] ?? '') as ChainedRecord | undefined;
      if (atHead?.hash !== head.hash) {
        problems.push({
          blob: head.blob,
          line: head.seq + 1,
          seq: head.seq,
          problem: 'the record at the recorded head differs from it',
        });
      }
    }
  }
  return { ok: problems.length === 0, records, chains: files.length, problems };
}

function safeParse(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}
