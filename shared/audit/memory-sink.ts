import type { AuditRecord, AuditSink } from './records';

/** Keeps records in memory: for pure tests and the CLI's dry runs; the durable sink is the blob chain. */
export class MemoryAuditSink implements AuditSink {
  readonly records: AuditRecord[] = [];
  async append(record: AuditRecord): Promise<void> {
    this.records.push(structuredClone(record));
  }
}
