import { blobService } from './storage';

/** Every audit record the test run's Azurite holds for the instances given, in time order. */
export async function auditRecordsOf(instanceIds: string[]): Promise<Record<string, unknown>[]> {
  const container = blobService().getContainerClient('audit');
  const found: Record<string, unknown>[] = [];
  if (!(await container.exists())) return found;
  for await (const blob of container.listBlobsFlat()) {
    if (!blob.name.endsWith('.jsonl')) continue;
    const text = (await container.getBlobClient(blob.name).downloadToBuffer()).toString('utf8');
    for (const line of text.split('\n')) {
      if (!line.trim()) continue;
      let record: Record<string, unknown>;
      try {
        record = JSON.parse(line) as Record<string, unknown>;
      } catch {
        continue; // a torn last line is the chain verifier's business, not this reader's
      }
      if (instanceIds.includes(String(record.instanceId))) found.push(record);
    }
  }
  return found.sort((a, b) => String(a.timestamp).localeCompare(String(b.timestamp)));
}
