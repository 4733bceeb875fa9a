import { createHash } from 'node:crypto';

/** Hex SHA-256 of a blob's bytes or a text: artifact hashes in the audit trail, hashes of prompts and names. */
export const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
