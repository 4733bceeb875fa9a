import type { ContainerClient } from '@azure/storage-blob';
import type { ChainedRecord } from './canonical';
import { type ReadOptions, readRecords } from './reader';

export interface AuditFilter {
  from: string;
  to: string;
  pipeline?: string;
  user?: string;
  kind?: string;
}

/** Records of the range that match every given filter; `user` matches userId, reviewer or actor. */
export async function queryAudit(
  container: ContainerClient,
  filter: AuditFilter,
  options: ReadOptions = {},
): Promise<ChainedRecord[]> {
  return (await readRecords(container, filter.from, filter.to, options)).filter(
    (r) =>
      (!filter.pipeline || r.pipeline === filter.pipeline) &&
      (!filter.kind || r.kind === filter.kind) &&
      (!filter.user || r.userId === filter.user || r.reviewer === filter.user || r.actor === filter.user),
  );
}

const CSV_COLUMNS = [
  'timestamp',
  'kind',
  'event',
  'pipeline',
  'instanceId',
  'subjectId',
  'requestId',
  'userId',
  'reviewer',
  'actor',
  'region',
  'endpoint',
  'model',
  'dataClassification',
  'outcome',
  'decision',
  'costUsd',
  'seq',
  'hash',
];

export function toCsv(records: ChainedRecord[]): string {
  const cell = (v: unknown) => {
    const text = v === undefined || v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
    return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return [CSV_COLUMNS.join(','), ...records.map((r) => CSV_COLUMNS.map((c) => cell(r[c])).join(','))].join('\n');
}
