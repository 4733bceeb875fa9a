import type { ContainerClient } from '@azure/storage-blob';
import type { ChainedRecord } from './canonical';
import { dayPrefix, parseChainBlobName } from './segments';
import { UnreadableAuditLineError, type UnreadableLine } from './unreadable';

export interface ChainSegment {
  blob: string;
  segment: number;
  lines: string[];
}

/** One writer's chain of one day: its segments in order, raw lines. */
export interface AuditChain {
  day: string;
  chain: string;
  segments: ChainSegment[];
}

export interface StoredChains {
  chains: AuditChain[];
  /** Blobs under a day's folder whose names are not chain segments: nothing of ours writes them. */
  foreign: string[];
}

const days = (from: string, to: string) => {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000)
    out.push(new Date(t).toISOString().slice(0, 10));
  return out;
};

/** Every chain of the days from..to (inclusive, YYYY-MM-DD), segments in order, in a stable order. */
export async function readChains(container: ContainerClient, from: string, to: string): Promise<StoredChains> {
  const stored: StoredChains = { chains: [], foreign: [] };
  if (!(await container.exists())) return stored;
  for (const day of days(from, to)) {
    const byChain = new Map<string, AuditChain>();
    for await (const item of container.listBlobsFlat({ prefix: dayPrefix(day) })) {
      const name = parseChainBlobName(item.name);
      if (!name) {
        stored.foreign.push(item.name);
        continue;
      }
      const text = (await container.getBlobClient(item.name).downloadToBuffer()).toString('utf8');
      const chain = byChain.get(name.chain) ?? { day, chain: name.chain, segments: [] };
      chain.segments.push({ blob: item.name, segment: name.segment, lines: text.split('\n').filter(Boolean) });
      byChain.set(name.chain, chain);
    }
    for (const chain of [...byChain.values()].sort((a, b) => a.chain.localeCompare(b.chain))) {
      chain.segments.sort((a, b) => a.segment - b.segment);
      stored.chains.push(chain);
    }
  }
  return stored;
}

export function parseLine(line: string): ChainedRecord | undefined {
  try {
    const value: unknown = JSON.parse(line);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as ChainedRecord) : undefined;
  } catch {
    return undefined;
  }
}

export interface ReadOptions {
  /** Called for each line that is not a JSON record, which is then skipped; without it such a line throws. */
  onUnreadable?: (where: UnreadableLine) => void;
}

/** All records of a range merged across chains, ordered by timestamp (then chain and seq). */
export async function readRecords(
  container: ContainerClient,
  from: string,
  to: string,
  options: ReadOptions = {},
): Promise<(ChainedRecord & { chain: string })[]> {
  const records: (ChainedRecord & { chain: string })[] = [];
  for (const chain of (await readChains(container, from, to)).chains) {
    for (const segment of chain.segments) {
      for (const [index, line] of segment.lines.entries()) {
        const record = parseLine(line);
        if (record) records.push({ ...record, chain: chain.chain });
        else if (options.onUnreadable) options.onUnreadable({ blob: segment.blob, line: index + 1 });
        else throw new UnreadableAuditLineError({ blob: segment.blob, line: index + 1 }, chain.day);
      }
    }
  }
  return records.sort(
    (a, b) =>
      String(a.timestamp).localeCompare(String(b.timestamp)) ||
      a.chain.localeCompare(b.chain) ||
      Number(a.seq) - Number(b.seq),
  );
}
