import type { TableClient } from '@azure/data-tables';
import type { ContainerClient } from '@azure/storage-blob';
import type { ChainedRecord } from './canonical';
import { type ChainLine, checkChain } from './chain-check';
import type { HeadKey } from './head-key';
import { type HeadRows, MANIFEST_ROW, readHeadRows, type StoredHead } from './heads';
import type { AuditProblem } from './problem';
import { type AuditChain, readChains } from './reader';
import { type Head, headStatement, intentStatement, manifestStatement } from './statements';

export type { AuditProblem } from './problem';

interface CheckedChain {
  chain: AuditChain;
  lines: ChainLine[];
  entries: (ChainedRecord | undefined)[];
  lastSeq: number;
}

export interface VerifyResult {
  ok: boolean;
  records: number;
  chains: number;
  segments: number;
  problems: AuditProblem[];
}

const keyOf = (day: string, chain: string) => `${day}/${chain}`;

/** A head write follows its append by milliseconds; a chain read before its head landed gets this long. */
const HEAD_GRACE_MS = [100, 300, 600, 1000];

/**
 * Recomputes every chain (all its segments as one chain) and says what broke it, in both directions: every signed
 * head must have its chain and every chain must end at a head signed with the trusted key (so a made-up chain or a
 * record appended without the key shows), and every chain the day's signed manifest lists must be there (so a chain
 * deleted together with its head shows).
 */
export async function verifyAudit(
  container: ContainerClient,
  headsTable: Pick<TableClient, 'listEntities'>,
  from: string,
  to: string,
  key: HeadKey,
): Promise<VerifyResult> {
  const problems: AuditProblem[] = [];
  // Heads first: a head is written after its append, so chains read afterwards are at least as long as their heads.
  const before = await readHeadRows(headsTable, from, to);
  const { chains, foreign } = await readChains(container, from, to);
  const trusted = await trustedHeads(before, key, problems);
  const intents = await trustedIntents(before, key);
  const listed = await trustedManifests(before, key, problems);
  let records = 0;
  const checked = new Map<string, CheckedChain>();
  for (const chain of chains) {
    const lines = chain.segments.flatMap((s) =>
      s.lines.map((text, i) => ({ blob: s.blob, segment: s.segment, line: i + 1, text })),
    );
    const result = checkChain(lines);
    records += result.records;
    if (result.problem) problems.push(result.problem);
    // A loop, not Math.max(...): a chain can hold more records than a call can take arguments.
    const lastSeq = result.entries.reduce((max, e) => (typeof e?.seq === 'number' && e.seq > max ? e.seq : max), -1);
    checked.set(keyOf(chain.day, chain.chain), { chain, lines, entries: result.entries, lastSeq });
  }
  for (const head of trusted.values()) {
    const problem = checkHead(head, checked.get(keyOf(head.day, head.chain)));
    if (problem) problems.push(problem);
  }
  problems.push(...(await uncovered(checked, trusted, intents, headsTable, from, to, key)));
  for (const { chain } of checked.values()) {
    const manifest = listed.get(chain.day);
    if (manifest && !manifest.has(chain.chain))
      problems.push({
        kind: 'unlisted',
        blob: chain.segments[0]!.blob,
        problem: `chain ${chain.chain} is not in the signed manifest of ${chain.day}: no audit writer of that day made it`,
      });
  }
  for (const [day, manifest] of listed)
    for (const name of manifest)
      if (!checked.has(keyOf(day, name)) && !trusted.has(keyOf(day, name)))
        problems.push({
          kind: 'missing',
          blob: `${day.replaceAll('-', '/')}/${name}.jsonl`,
          problem: `chain missing: the signed manifest of ${day} lists chain ${name}, but neither the chain nor its head is left`,
        });
  const days = new Set([...chains.map((c) => c.day), ...before.heads.map((h) => h.day)]);
  for (const day of days)
    if (!before.manifests.has(day))
      problems.push({
        kind: 'missing',
        blob: `${day}/${MANIFEST_ROW}`,
        problem: `the signed manifest of ${day} (heads table row ${MANIFEST_ROW}) is gone: which chains the day held cannot be proved`,
      });
  for (const blob of foreign)
    problems.push({
      kind: 'foreign',
      blob,
      problem: 'not a chain segment (<writer>.jsonl or <writer>.<n>.jsonl): the audit sink never writes this name',
    });
  const segments = chains.reduce((n, c) => n + c.segments.length, 0);
  return { ok: problems.length === 0, records, chains: chains.length, segments, problems };
}

/** The heads whose signature holds; the others are reported and then treated as absent. */
async function trustedHeads(rows: HeadRows, key: HeadKey, problems: AuditProblem[]) {
  const trusted = new Map<string, Head>();
  for (const head of rows.heads) {
    if (head.intentOnly) continue;
    const why = await headProblem(head, key);
    if (why)
      problems.push({
        kind: 'forged-head',
        blob: head.blob,
        seq: head.seq,
        problem: `head of chain ${head.chain}: ${why}`,
      });
    else trusted.set(keyOf(head.day, head.chain), head);
  }
  return trusted;
}

/** Intents whose signature holds: each vouches for exactly one chain end (its seq and hash). */
async function trustedIntents(rows: HeadRows, key: HeadKey) {
  const trusted = new Map<string, Head>();
  for (const { intent } of rows.heads)
    if (intent?.signature && !(await key.check(intentStatement(intent), intent.signature)))
      trusted.set(keyOf(intent.day, intent.chain), intent);
  return trusted;
}

async function headProblem(head: StoredHead, key: HeadKey): Promise<string | undefined> {
  if (!head.signature) return 'it carries no signature: not written by an audit writer';
  const why = await key.check(headStatement(head), head.signature);
  return why && `${why}: the head was rewritten without the key`;
}

async function trustedManifests(rows: HeadRows, key: HeadKey, problems: AuditProblem[]) {
  const listed = new Map<string, Set<string>>();
  for (const [day, manifest] of rows.manifests) {
    const why = manifest.unreadable
      ? 'its chains column is not a list of names'
      : !manifest.signature
        ? 'it carries no signature'
        : await key.check(manifestStatement(manifest), manifest.signature);
    if (why)
      problems.push({
        kind: 'forged-manifest',
        blob: `${day}/${MANIFEST_ROW}`,
        problem: `the manifest of ${day} does not verify: ${why}`,
      });
    else listed.set(day, new Set(manifest.chains));
  }
  return listed;
}

/**
 * Chains, or chain ends, past every trusted head. Heads read before the chains can lag a live writer by one append,
 * so the heads are read again (with a short grace) before anything is reported.
 */
async function uncovered(
  checked: Map<string, CheckedChain>,
  trusted: Map<string, Head>,
  intents: Map<string, Head>,
  headsTable: Pick<TableClient, 'listEntities'>,
  from: string,
  to: string,
  key: HeadKey,
): Promise<AuditProblem[]> {
  const covers = (head: Head | undefined, c: CheckedChain) => head !== undefined && head.seq >= c.lastSeq;
  // A writer killed between an append and its head: the chain ends exactly where its signed intent said it would.
  const announced = (k: string, c: CheckedChain) => {
    const intent = intents.get(k);
    const last = c.entries.find((e) => e?.seq === c.lastSeq);
    return intent !== undefined && intent.seq === c.lastSeq && intent.hash === last?.hash;
  };
  let open = [...checked.entries()].filter(
    ([k, c]) => c.lastSeq >= 0 && !covers(trusted.get(k), c) && !announced(k, c),
  );
  for (const wait of HEAD_GRACE_MS) {
    if (open.length === 0) break;
    await new Promise((r) => setTimeout(r, wait));
    const later = await trustedHeads(await readHeadRows(headsTable, from, to), key, []);
    open = open.filter(([k, c]) => !covers(later.get(k), c));
  }
  return open.map(([k, c]): AuditProblem => {
    const head = trusted.get(k);
    const last = c.chain.segments.at(-1)!;
    if (!head)
      return {
        kind: 'unheaded',
        blob: c.chain.segments[0]!.blob,
        problem: `chain ${c.chain.chain} has no signed head: it was not written by an audit writer (made up, or its head was removed)`,
      };
    const index = c.entries.findIndex((e) => e?.seq === head.seq + 1);
    return {
      kind: 'unheaded',
      blob: c.lines[index]?.blob ?? last.blob,
      line: c.lines[index]?.line,
      seq: head.seq + 1,
      problem: `seq ${head.seq + 1}..${c.lastSeq} come after the last signed head (seq ${head.seq}): appended without the key`,
    };
  });
}

function checkHead(head: Head, checked: CheckedChain | undefined): AuditProblem | undefined {
  if (!checked)
    return {
      kind: 'missing',
      blob: head.blob,
      problem: `chain missing: the head records seq ${head.seq} but no segment of the chain is left`,
    };
  const { chain, lines, entries, lastSeq } = checked;
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
