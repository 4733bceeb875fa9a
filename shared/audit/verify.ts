import type { TableClient } from '@azure/data-tables';
import type { ContainerClient } from '@azure/storage-blob';
import type { ChainedRecord } from './canonical';
import { type ChainLine, checkChain } from './chain-check';
import { type Head, readHeads } from './heads';
import type { AuditProblem } from './problem';
import { type AuditChain, readChains } from './reader';

export type { AuditProblem } from './problem';

interface CheckedChain {
  chain: AuditChain;
  lines: ChainLine[];
  entries: (ChainedRecord | undefined)[];
}

export interface VerifyResult {
  ok: boolean;
  records: number;
  chains: number;
  segments: number;
  problems: AuditProblem[];
}

/**
 * Recomputes every chain (all its segments as one chain) and says what broke it; each chain must end where its
 * recorded head says and every head must have its chain, so truncating or deleting a chain shows too.
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
  const { chains, foreign } = await readChains(container, from, to);
  let records = 0;
  const checked = new Map<string, CheckedChain>();
  for (const chain of chains) {
    const lines = chain.segments.flatMap((s) =>
      s.lines.map((text, i) => ({ blob: s.blob, segment: s.segment, line: i + 1, text })),
    );
    const result = checkChain(lines);
    records += result.records;
    if (result.problem) problems.push(result.problem);
    checked.set(`${chain.day}/${chain.chain}`, { chain, lines, entries: result.entries });
  }
  for (const head of heads) {
    const problem = checkHead(head, checked.get(`${head.day}/${head.chain}`));
    if (problem) problems.push(problem);
  }
  for (const blob of foreign)
    problems.push({
      kind: 'foreign',
      blob,
      problem: 'not a chain segment (<writer>.jsonl or <writer>.<n>.jsonl): the audit sink never writes this name',
    });
  const segments = chains.reduce((n, c) => n + c.segments.length, 0);
  return { ok: problems.length === 0, records, chains: chains.length, segments, problems };
}

function checkHead(head: Head, checked: CheckedChain | undefined): AuditProblem | undefined {
  if (!checked)
    return {
      kind: 'missing',
      blob: head.blob,
      problem: `chain missing: the head records seq ${head.seq} but no segment of the chain is left`,
    };
  const { chain, lines, entries } = checked;
  // A loop, not Math.max(...): a chain can hold more records than a call can take arguments.
  const lastSeq = entries.reduce((max, e) => (typeof e?.seq === 'number' && e.seq > max ? e.seq : max), -1);
  const lastSegment = chain.segments.at(-1)!;
  if (lastSeq < head.seq) {
    const gone = chain.segments.some((s) => s.blob === head.blob) ? '' : ` (its latest segment ${head.blob} is gone)`;
    return {
      kind: 'truncated',
      blob: lastSegment.blob,
      line: lastSegment.lines.length,
      problem: `chain truncated: ends at seq ${lastSeq < 0 ? 'nothing' : lastSeq}, head says ${head.seq}${gone}`,
    };
  }
  const index = entries.findIndex((e) => e?.seq === head.seq);
  if (entries[index]?.hash === head.hash) return undefined;
  const line = lines[index];
  return {
    kind: 'head-mismatch',
    blob: line?.blob ?? lastSegment.blob,
    line: line?.line,
    seq: head.seq,
    problem: 'the record at the recorded head differs from it: the chain was rewritten',
  };
}
