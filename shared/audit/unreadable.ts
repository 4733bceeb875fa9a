import { NonRetryableError } from '../errors';

export interface UnreadableLine {
  blob: string;
  line: number;
}

/** A stored audit line that is not a JSON record: the trail was edited or damaged, so a reader cannot trust it. */
export class UnreadableAuditLineError extends NonRetryableError {
  override readonly name = 'UnreadableAuditLineError';
  constructor(
    readonly where: UnreadableLine,
    day: string,
  ) {
    super(
      `audit blob ${where.blob} line ${where.line} is not a JSON record (edited or damaged); run \`enclave audit verify --from ${day} --to ${day}\` to see what was changed`,
    );
  }
}
