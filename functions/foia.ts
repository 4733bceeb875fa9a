import { app, type HttpRequest, type InvocationContext } from '@azure/functions';
import * as df from 'durable-functions';
import { z } from 'zod';
import { now } from '../shared/clock';
import { loadConfig } from '../shared/config';
import { statutoryDeadline } from '../shared/foia/clock';
import { foiaView } from '../shared/foia/review-view';
import { BODY_LIMITS, readJson, refusal } from '../shared/http/body';
import { authorise } from '../shared/identity/caller';
import { ROLES } from '../shared/identity/roles';
import { registerView } from '../shared/review/views';
import { blobNameProblem, FOIA_FILE_NAMES, quarantineName } from '../shared/storage/blob-names';
import { blobServiceClient } from '../shared/storage/clients';
import { writeOnce } from '../shared/storage/write-once';
import { createFoiaActivities } from '../workflows/foia/activities';
import { foiaDeps } from '../workflows/foia/deps';
import { foiaInstanceId } from '../workflows/foia/instance-id';
import {
  BUILD_FOIA_MODEL_REQUESTS,
  DETECT_FOIA_PATTERNS,
  EXTRACT_FOIA_DOCUMENT,
  FOIA_ORCHESTRATOR,
  MERGE_FOIA_RECOMMENDATIONS,
  RECORD_FOIA_OUTCOME,
  RELEASE_FOIA_DOCUMENT,
  STORE_FOIA_CHUNK_ANSWERS,
} from '../workflows/foia/names';
import { foiaOrchestrator } from '../workflows/foia/orchestrator';
import type { FoiaRun } from '../workflows/foia/types';
import { registerActivities } from './register-activities';
import { runTaken } from './start-once';

registerView(foiaView);
const activities = async () => createFoiaActivities(await foiaDeps(loadConfig()));

df.app.orchestration(FOIA_ORCHESTRATOR, foiaOrchestrator);
registerActivities(activities, {
  [EXTRACT_FOIA_DOCUMENT]: 'extractFoiaDocument',
  [DETECT_FOIA_PATTERNS]: 'detectFoiaPatterns',
  [BUILD_FOIA_MODEL_REQUESTS]: 'buildFoiaModelRequests',
  [STORE_FOIA_CHUNK_ANSWERS]: 'storeFoiaChunkAnswers',
  [MERGE_FOIA_RECOMMENDATIONS]: 'mergeFoiaRecommendations',
  [RELEASE_FOIA_DOCUMENT]: 'releaseFoiaDocument',
  [RECORD_FOIA_OUTCOME]: 'recordFoiaOutcome',
});

const requestSchema = z.object({
  requestId: z.string().regex(/^[A-Za-z0-9-]{3,64}$/, 'letters, digits and dashes (3–64)'),
  requester: z.string().min(2).max(200),
  receivedDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD'),
});

app.http('foiaRequest', {
  route: 'foia/requests',
  methods: ['POST'],
  authLevel: 'function',
  handler: async (request: HttpRequest) => {
    const config = loadConfig();
    const who = authorise(request.headers, config.identity, config.environment, ROLES.foiaSubmit);
    if (!who.ok) return refusal(who.status, who.error, who.where);
    const body = await readJson(request, requestSchema, BODY_LIMITS.foiaRequest);
    if (!body.ok) return body.refusal;
    const inbox = blobServiceClient(config.storage).getContainerClient('foia-inbox');
    await inbox.createIfNotExists();
    // Create-only: a second POST must not move the received date (and with it the statutory due date).
    const stored = await writeOnce(
      inbox.getBlockBlobClient(`${body.value.requestId}/request.json`),
      // Who recorded it may not review what is released under it (a principal only with Easy Auth).
      JSON.stringify(who.caller.via === 'easy-auth' ? { ...body.value, recordedBy: who.caller.name } : body.value),
    );
    if (stored === 'different')
      return refusal(
        409,
        `request ${body.value.requestId} is already recorded with other details, and they are never overwritten; use a new requestId, or ask an operator to correct the record`,
        'requestId',
      );
    return {
      status: stored === 'written' ? 201 : 200,
      jsonBody: {
        ...body.value,
        dueDate: statutoryDeadline(body.value.receivedDate),
        upload: `foia-inbox/${body.value.requestId}/<file>`,
      },
    };
  },
});

app.storageBlob('foiaInbox', {
  path: 'foia-inbox/{requestId}/{file}',
  connection: 'AzureWebJobsStorage',
  extraInputs: [df.input.durableClient()],
  handler: async (blob: unknown, context: InvocationContext) => {
    const requestId = String(context.triggerMetadata?.requestId);
    const file = String(context.triggerMetadata?.file);
    if (file === 'request.json' || file.endsWith('.reason.txt')) return;
    const bytes = Buffer.isBuffer(blob) ? blob : Buffer.from(String(blob));
    const config = loadConfig();
    // The names become the run's document path and its release folder: one that breaks the rule is never reused.
    const badName = requestSchema.shape.requestId.safeParse(requestId).success
      ? blobNameProblem(file, FOIA_FILE_NAMES)
      : 'foia-inbox request folders are letters, digits and dashes (3–64)';
    if (badName) {
      const original = `${requestId}/${file}`;
      const kept = quarantineName(original);
      const reason = `foia-inbox/${JSON.stringify(original)}: ${badName}`;
      const rejected = blobServiceClient(config.storage).getContainerClient('foia-rejected');
      await rejected.createIfNotExists();
      await rejected.getBlockBlobClient(kept).upload(bytes, bytes.length);
      await rejected.getBlockBlobClient(`${kept}.reason.txt`).upload(reason, Buffer.byteLength(reason));
      return context.warn(`rejected foia-inbox blob as foia-rejected/${kept}: ${reason}`);
    }
    const foia = config.foia;
    const inbox = blobServiceClient(config.storage).getContainerClient('foia-inbox');
    let meta: { requester: string; receivedDate: string; recordedBy?: string } = {
      requester: 'unknown',
      receivedDate: new Date(now()).toISOString().slice(0, 10),
    };
    try {
      meta = {
        ...meta,
        ...JSON.parse(
          (await inbox.getBlockBlobClient(`${requestId}/request.json`).downloadToBuffer()).toString('utf8'),
        ),
      };
    } catch {
      context.warn(`foia-inbox/${requestId}/request.json is missing: using today as the received date`);
    }
    const instanceId = foiaInstanceId(bytes);
    const client = df.getClient(context);
    if (await runTaken(client, instanceId)) return context.log(`${instanceId} already exists for this document`);
    const run: FoiaRun = {
      requestId,
      documentBlob: `${requestId}/${file}`,
      documentName: file,
      receivedDate: meta.receivedDate,
      requester: /^[\w.@-]{1,120}$/.test(meta.requester) ? meta.requester : 'foia-requester',
      reviewer: foia.reviewer,
      backupReviewer: foia.backupReviewer,
      residency: config.model.residency.foia,
      redactOfficials: foia.redactOfficials,
      ...(typeof meta.recordedBy === 'string' ? { recordedBy: meta.recordedBy } : {}),
    };
    await client.startNew(FOIA_ORCHESTRATOR, { instanceId, input: run });
  },
});
