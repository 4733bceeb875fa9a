import { app, type HttpRequest, type InvocationContext } from '@azure/functions';
import * as df from 'durable-functions';
import { loadConfig } from '../shared/config';
import { statutoryDeadline } from '../shared/foia/clock';
import { foiaView } from '../shared/foia/review-view';
import { BODY_LIMITS, readJson, refusal } from '../shared/http/body';
import { authorise } from '../shared/identity/caller';
import { ROLES } from '../shared/identity/roles';
import { registerView } from '../shared/review/views';
import { createFoiaActivities } from '../workflows/foia/activities';
import { foiaDeps } from '../workflows/foia/deps';
import {
  BUILD_FOIA_MODEL_REQUESTS,
  DETECT_FOIA_PATTERNS,
  EXTRACT_FOIA_DOCUMENT,
  FOIA_ORCHESTRATOR,
  INBOX_CONTAINER,
  MERGE_FOIA_RECOMMENDATIONS,
  RECORD_FOIA_OUTCOME,
  RELEASE_FOIA_DOCUMENT,
  STORE_FOIA_CHUNK_ANSWERS,
} from '../workflows/foia/names';
import { foiaOrchestrator } from '../workflows/foia/orchestrator';
import { foiaRequestSchema, isRequestRecord, recordFoiaRequest, takeInboxDocument } from '../workflows/foia/start';
import { registerActivities } from './register-activities';

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

app.http('foiaRequest', {
  route: 'foia/requests',
  methods: ['POST'],
  authLevel: 'function',
  handler: async (request: HttpRequest) => {
    const config = loadConfig();
    const who = authorise(request.headers, config.identity, config.environment, ROLES.foiaSubmit);
    if (!who.ok) return refusal(who.status, who.error, who.where);
    const body = await readJson(request, foiaRequestSchema, BODY_LIMITS.foiaRequest);
    if (!body.ok) return body.refusal;
    const stored = await recordFoiaRequest(config, body.value, who.caller);
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
        upload: `${INBOX_CONTAINER}/${body.value.requestId}/<file>`,
      },
    };
  },
});

app.storageBlob('foiaInbox', {
  path: `${INBOX_CONTAINER}/{requestId}/{file}`,
  connection: 'AzureWebJobsStorage',
  extraInputs: [df.input.durableClient()],
  handler: async (blob: unknown, context: InvocationContext) => {
    const where = {
      requestId: String(context.triggerMetadata?.requestId),
      file: String(context.triggerMetadata?.file),
    };
    if (isRequestRecord(where.file)) return;
    const bytes = Buffer.isBuffer(blob) ? blob : Buffer.from(String(blob));
    await takeInboxDocument(loadConfig(), where, bytes, df.getClient(context), context);
  },
});
