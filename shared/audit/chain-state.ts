import type { AppendBlobClient, ContainerClient } from '@azure/storage-blob';
import { GENESIS } from './canonical';
import { parseLine } from './reader';
import { chainBlobName, dayPrefix, parseChainBlobName } from './segments';

/** Where a writer's chain of one day stands: the segment being appended to and its last record. */
export interface ChainState {
  blob: AppendBlobClient;
  segment: number;
  seq: number;
  hash: string;
  /** Bytes in the current segment: the append position the next block must land at. */
  length: number;
  /** Committed blocks in the current segment, as Azure counts them against the 50,000 limit. */
  blocks: number;
}

const CONTENT_TYPE = { blobHTTPHeaders: { blobContentType: 'application/x-ndjson' } };

/** Reads the state back from storage, the only source of truth: the latest segment and the last record. */
export async function loadChainState(container: ContainerClient, day: string, writer: string): Promise<ChainState> {
  const segments: number[] = [];
  for await (const item of container.listBlobsFlat({ prefix: `${dayPrefix(day)}${writer}.` })) {
    const name = parseChainBlobName(item.name);
    if (name?.chain === writer) segments.push(name.segment);
  }
  segments.sort((a, b) => b - a);
  const segment = segments[0] ?? 0;
  const blob = container.getAppendBlobClient(chainBlobName(day, writer, segment));
  if (segments.length === 0) await blob.createIfNotExists(CONTENT_TYPE);
  const properties = await blob.getProperties();
  const state: ChainState = {
    blob,
    segment,
    seq: -1,
    hash: GENESIS,
    length: properties.contentLength ?? 0,
    blocks: properties.blobCommittedBlockCount ?? 0,
  };
  // A segment created just before a crash is empty: the chain then ends in an earlier one.
  for (const s of segments) {
    const source = container.getBlobClient(chainBlobName(day, writer, s));
    const last = (await source.downloadToBuffer()).toString('utf8').split('\n').filter(Boolean).at(-1);
    if (last === undefined) continue;
    const record = parseLine(last);
    if (!record || typeof record.seq !== 'number' || typeof record.hash !== 'string')
      throw new Error(
        `audit chain ${source.name} ends in an unreadable record; it will not be extended (run \`enclave audit verify --from ${day} --to ${day}\`)`,
      );
    return { ...state, seq: record.seq, hash: record.hash };
  }
  return state;
}

/** Opens the next segment of a chain that nears the block limit; its first record links to the last one here. */
export async function nextSegment(container: ContainerClient, day: string, writer: string, state: ChainState) {
  const blob = container.getAppendBlobClient(chainBlobName(day, writer, state.segment + 1));
  await blob.createIfNotExists(CONTENT_TYPE);
  return { ...state, blob, segment: state.segment + 1, length: 0, blocks: 0 };
}
