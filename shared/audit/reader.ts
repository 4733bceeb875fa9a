import type { TableClient } from '@azure/data-tables';
import type { ContainerClient } from '@azure/storage-blob';
import type { ChainedRecord } from './canonical';

export interface ChainFile {
  blob: string;
  day: string;
  chain: string;
  lines: string[];
}

export interface Head {
  day: string;
  chain: string;
  seq: number;
  hash: string;
  blob: string;
}

const days = (from: string, to: string) => {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000)
    out.push(new Date(t).toISOString().slice(0, 10));
  return out;
};

/** Every chain blob of the days from..to (inclusive, YYYY-MM-DD), raw lines, in a stable order. */
export async function readChains(container: ContainerClient, from: string, to: string): Promise<ChainFile[]> {
  const files: ChainFile[] = [];
  if (!(await container.exists())) return files;
  for (const day of days(from, to)) {
    for await (const item of container.listBlobsFlat({ prefix: `${day.replaceAll('-', '/')}/` })) {
      const text = (await container.getBlobClient(item.name).downloadToBuffer()).toString('utf8');
      files.push({
        blob: item.name,
        day,
        chain: item.name
          .split('/')
          .pop()!
          .replace(/\.jsonl$/, ''),
        lines: text.split('\n').filter((l) => l.length > 0),
      });
    }
  }
  return files.sort((a, b) => a.blob.localeCompare(b.blob));
}

export async function readHeads(heads: TableClient, from: string, to: string): Promise<Head[]> {
  const out: Head[] = [];
  try {
    for await (const row of heads.listEntities<{ seq: number; hash: string; blob: string }>({
      queryOptions: { filter: `PartitionKey ge '${from}' and PartitionKey le '${to}'` },
    })) {
      out.push({
        day: String(row.partitionKey),
        chain: String(row.rowKey),
        seq: Number(row.seq),
        hash: String(row.hash),
        blob: String(row.blob),
      });
    }
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode !== 404) throw error;
  }
  return out;
}

/** All records of a range merged across chains, ordered by timestamp (then chain and seq). */
export async function readRecords(container: ContainerClient, from: string, to: string): Promise<ChainedRecord[]> {
  const records: (ChainedRecord & { chain: string })[] = [];
  for (const file of await readChains(container, from, to)) {
    for (const line of file.lines) records.push({ ...(JSON.parse(line) as ChainedRecord), chain: file.chain });
  }
  return records.sort(
    (a, b) => String(a.timestamp).localeCompare(String(b.timestamp)) || a.chain.localeCompare(b.chain) || a.seq - b.seq,
  );
}
