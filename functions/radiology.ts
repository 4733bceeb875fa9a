import { app, type HttpRequest, type InvocationContext } from '@azure/functions';
import * as df from 'durable-functions';
import { loadConfig } from '../shared/config';
import { UserError } from '../shared/errors';
import { BODY_LIMITS, readBody, refusal } from '../shared/http/body';
import { authorise } from '../shared/identity/caller';
import { ROLES } from '../shared/identity/roles';
import { formatOfContentType, readRadiologyInput, UnsupportedMediaType } from '../shared/radiology/inputs/formats';
import { radiologyView } from '../shared/radiology/review-view';
import { registerView } from '../shared/review/views';
import { createRadiologyActivities } from '../workflows/radiology/activities';
import { radiologyDeps } from '../workflows/radiology/deps';
import {
  FINISH_RADIOLOGY_DRAFT,
  INBOX_CONTAINER,
  instanceIdFor,
  NOTIFY_CRITICAL_RESULT,
  PREPARE_RADIOLOGY_DRAFT,
  RADIOLOGY_ORCHESTRATOR,
  RECORD_RADIOLOGY_OUTCOME,
  SIGN_AND_FILE_REPORT,
} from '../workflows/radiology/names';
import { radiologyOrchestrator } from '../workflows/radiology/orchestrator';
import { submitStudy, takeInboxStudy } from '../workflows/radiology/start';
import { registerActivities } from './register-activities';

registerView(radiologyView);
const accessionOf = (instanceId: string) => instanceId.replace(/^radiology-/, '');
const activities = async () => createRadiologyActivities(await radiologyDeps(loadConfig()));

df.app.orchestration(RADIOLOGY_ORCHESTRATOR, radiologyOrchestrator);
registerActivities(activities, {
  [PREPARE_RADIOLOGY_DRAFT]: 'prepareRadiologyDraft',
  [NOTIFY_CRITICAL_RESULT]: 'notifyCriticalResult',
  [FINISH_RADIOLOGY_DRAFT]: 'finishRadiologyDraft',
  [SIGN_AND_FILE_REPORT]: 'signAndFileRadiologyReport',
  [RECORD_RADIOLOGY_OUTCOME]: 'recordRadiologyOutcome',
});

app.http('radiologySubmit', {
  route: 'radiology/studies',
  methods: ['POST'],
  authLevel: 'function',
  extraInputs: [df.input.durableClient()],
  handler: async (request: HttpRequest, context: InvocationContext) => {
    const config = loadConfig();
    const who = authorise(request.headers, config.identity, config.environment, ROLES.radiologySubmit);
    if (!who.ok) return refusal(who.status, who.error, who.where);
    const body = await readBody(request, BODY_LIMITS.radiologyStudy);
    if (!body.ok) return body.refusal;
    const text = body.value.toString('utf8');
    const client = df.getClient(context);
    try {
      const format = formatOfContentType(request.headers.get('content-type'), text);
      const submitted = await submitStudy(config, readRadiologyInput(text, format, 'body'), client, who.caller);
      if ('conflict' in submitted) return refusal(409, submitted.conflict, 'accessionNumber');
      const { instanceId, duplicate } = submitted;
      const origin = new URL(request.url).origin;
      const statusQueryGetUri = `${origin}/api/radiology/studies/${encodeURIComponent(accessionOf(instanceId))}`;
      // Only our URLs: the Durable management URLs carry the host's system key.
      return {
        status: 202,
        headers: { location: statusQueryGetUri, 'retry-after': '10' },
        jsonBody: {
          instanceId,
          duplicate,
          statusQueryGetUri,
          ...(config.environment === 'local' ? { reviewListUri: `${origin}/api/review` } : {}),
        },
      };
    } catch (error) {
      if (error instanceof UnsupportedMediaType) return refusal(415, error.message, 'content-type');
      if (error instanceof UserError) return refusal(400, error.message, error.where ?? 'body');
      throw error;
    }
  },
});

app.http('radiologyStatus', {
  route: 'radiology/studies/{accession}',
  methods: ['GET'],
  authLevel: 'function',
  extraInputs: [df.input.durableClient()],
  handler: async (request: HttpRequest, context: InvocationContext) => {
    const config = loadConfig();
    const who = authorise(request.headers, config.identity, config.environment, ROLES.radiologyRead);
    if (!who.ok) return refusal(who.status, who.error, who.where);
    const status = await df
      .getClient(context)
      .getStatus(instanceIdFor(request.params.accession ?? ''))
      .catch(() => undefined);
    if (!status) return refusal(404, 'no radiology run for that accession number', 'accession');
    const progress = (status.customStatus ?? {}) as { stage?: string; draftMs?: number; reviewerMs?: number | null };
    return {
      jsonBody: {
        instanceId: status.instanceId,
        runtimeStatus: status.runtimeStatus,
        stage: progress.stage ?? null,
        timing: { draftMs: progress.draftMs ?? null, reviewerMs: progress.reviewerMs ?? null },
        customStatus: status.customStatus,
        output: status.output,
        createdTime: status.createdTime,
        lastUpdatedTime: status.lastUpdatedTime,
      },
    };
  },
});

app.storageBlob('radiologyInbox', {
  path: `${INBOX_CONTAINER}/{name}`,
  connection: 'AzureWebJobsStorage',
  extraInputs: [df.input.durableClient()],
  handler: async (blob: unknown, context: InvocationContext) => {
    const text = Buffer.isBuffer(blob) ? blob.toString('utf8') : String(blob);
    const rejection = await takeInboxStudy(
      loadConfig(),
      String(context.triggerMetadata?.name),
      text,
      df.getClient(context),
    );
    if (rejection) context.warn(rejection);
  },
});
