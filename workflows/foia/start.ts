import type * as df from 'durable-functions';
import { z } from 'zod';
import { now } from '../../shared/clock';
import type { Config } from '../../shared/config';
import type { Caller } from '../../shared/identity/caller';
import { blobNameProblem, quarantineName } from '../../shared/storage/blob-names';
import { blobServiceClient } from '../../shared/storage/clients';
import { blobRejections } from '../../shared/storage/rejections';
import { writeOnce } from '../../shared/storage/write-once';
import { runTaken } from '../start-once';
import { foiaInstanceId } from './instance-id';
import { FILE_NAMES, FOIA_ORCHESTRATOR, INBOX_CONTAINER, REJECTED_CONTAINER } from './names';
import type { FoiaRun } from './types';

export const foiaRequestSchema = z.object({
  requestId: z.string().regex(/^[A-Za-z0-9-]{3,64}$/, 'letters, digits and dashes (3–64)'),
  requester: z.string().min(2).max(200),
  receivedDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD'),
});
export type FoiaRequest = z.infer<typeof foiaRequestSchema>;
type RecordedRequest = FoiaRequest & { recordedBy?: string };
/** What a run takes from its request's record (today and `unknown` when the record is missing). */
type RequestMeta = Pick<RecordedRequest, 'requester' | 'receivedDate' | 'recordedBy'>;

const requestBlob = (requestId: string) => `${requestId}/request.json`;

/** Records a request once: a second POST must not move the received date (and with it the statutory due date). */
export async function recordFoiaRequest(config: Config, request: FoiaRequest, caller: Caller) {
  const inbox = blobServiceClient(config.storage).getContainerClient(INBOX_CONTAINER);
  await inbox.createIfNotExists();
  // Who recorded it may not review what is released under it (a principal only with Easy Auth).
  const recorded: RecordedRequest = caller.via === 'easy-auth' ? { ...request, recordedBy: caller.name } : request;
  return writeOnce(inbox.getBlockBlobClient(requestBlob(request.requestId)), JSON.stringify(recorded));
}

/** The blobs of a request folder that are not documents to redact. */
export const isRequestRecord = (file: string) => file === 'request.json' || file.endsWith('.reason.txt');

/** The names become the run's document path and its release folder: one that breaks the rule is never reused. */
function nameProblem(requestId: string, file: string): string | undefined {
  return foiaRequestSchema.shape.requestId.safeParse(requestId).success
    ? blobNameProblem(file, FILE_NAMES)
    : `${INBOX_CONTAINER} request folders are letters, digits and dashes (3–64)`;
}

async function recordedRequest(config: Config, requestId: string, warn: (line: string) => void): Promise<RequestMeta> {
  const inbox = blobServiceClient(config.storage).getContainerClient(INBOX_CONTAINER);
  const fallback = { requester: 'unknown', receivedDate: new Date(now()).toISOString().slice(0, 10) };
  try {
    const blob = await inbox.getBlockBlobClient(requestBlob(requestId)).downloadToBuffer();
    return { ...fallback, ...JSON.parse(blob.toString('utf8')) } as RequestMeta;
  } catch {
    warn(`${INBOX_CONTAINER}/${requestBlob(requestId)} is missing: using today as the received date`);
    return fallback;
  }
}

function foiaRun(config: Config, requestId: string, file: string, meta: RequestMeta): FoiaRun {
  return {
    requestId,
    documentBlob: `${requestId}/${file}`,
    documentName: file,
    receivedDate: meta.receivedDate,
    requester: /^[\w.@-]{1,120}$/.test(meta.requester) ? meta.requester : 'foia-requester',
    reviewer: config.foia.reviewer,
    backupReviewer: config.foia.backupReviewer,
    residency: config.model.residency.foia,
    redactOfficials: config.foia.redactOfficials,
    ...(typeof meta.recordedBy === 'string' ? { recordedBy: meta.recordedBy } : {}),
  };
}

/**
 * A document dropped in `<requestId>/<file>`: its run starts once per document (by its hash), under the request's
 * recorded details; a name that breaks the rule is kept in the rejected container with its reason instead.
 */
export async function takeInboxDocument(
  config: Config,
  where: { requestId: string; file: string },
  bytes: Buffer,
  client: df.DurableClient,
  log: { log(line: string): void; warn(line: string): void },
): Promise<void> {
  const { requestId, file } = where;
  const badName = nameProblem(requestId, file);
  if (badName) {
    const original = `${requestId}/${file}`;
    const reason = `${INBOX_CONTAINER}/${JSON.stringify(original)}: ${badName}`;
    const rejected = blobRejections(blobServiceClient(config.storage).getContainerClient(REJECTED_CONTAINER));
    const kept = await rejected.reject(quarantineName(original), bytes, reason);
    return log.warn(`rejected ${INBOX_CONTAINER} blob as ${kept}: ${reason}`);
  }
  const meta = await recordedRequest(config, requestId, (line) => log.warn(line));
  const instanceId = foiaInstanceId(bytes);
  if (await runTaken(client, instanceId)) return log.log(`${instanceId} already exists for this document`);
  await client.startNew(FOIA_ORCHESTRATOR, { instanceId, input: foiaRun(config, requestId, file, meta) });
}
