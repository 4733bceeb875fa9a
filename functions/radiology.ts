import { app, type HttpRequest, type InvocationContext } from '@azure/functions';
import * as df from 'durable-functions';
import { loadConfig } from '../shared/config';
import { UserError } from '../shared/errors';
import { parseRadiologyRequest } from '../shared/radiology/intake';
import { radiologyView } from '../shared/radiology/review-view';
import { registerView } from '../shared/review/views';
import { blobServiceClient } from '../shared/storage/clients';
import { createRadiologyActivities } from '../workflows/radiology/activities';
import { radiologyDeps } from '../workflows/radiology/deps';
import {
  FINISH_RADIOLOGY_DRAFT,
  instanceIdFor,
  NOTIFY_CRITICAL_RESULT,
  PREPARE_RADIOLOGY_DRAFT,
  RADIOLOGY_ORCHESTRATOR,
  RECORD_RADIOLOGY_OUTCOME,
  SIGN_AND_FILE_REPORT,
  STUDIES_CONTAINER,
} from '../workflows/radiology/names';
import { radiologyOrchestrator } from '../workflows/radiology/orchestrator';
import type { RadiologyRun } from '../workflows/radiology/types';
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

/** Stores the validated study and starts its run, once per accession number. */
async function submit(raw: unknown, source: string, client: df.DurableClient, requestedBy: string, ipAddress: string) {
  const config = loadConfig();
  const settings = config.radiology;
  const intake = parseRadiologyRequest(raw, source);
  const accession = intake.study.accessionNumber;
  const studies = blobServiceClient(config.storage).getContainerClient(STUDIES_CONTAINER);
  await studies.createIfNotExists();
  const studyRef = `${accession}.json`;
  const instanceId = instanceIdFor(accession);
  const existing = await client.getStatus(instanceId).catch(() => undefined);
  if (
    existing &&
    existing.runtimeStatus !== df.OrchestrationRuntimeStatus.Failed &&
    existing.runtimeStatus !== df.OrchestrationRuntimeStatus.Terminated
  ) {
    return { instanceId, duplicate: true };
  }
  await studies
    .getBlockBlobClient(studyRef)
    .upload(JSON.stringify(intake.study), Buffer.byteLength(JSON.stringify(intake.study)));
  const run: RadiologyRun = {
    accession,
    studyRef,
    requestedBy: intake.requestedBy ?? requestedBy,
    ipAddress,
    reviewer: intake.reviewer ?? settings.reviewer,
    backupReviewer: intake.backupReviewer ?? settings.backupReviewer,
    residency: config.model.residency.radiology,
  };
  await client.startNew(RADIOLOGY_ORCHESTRATOR, { instanceId, input: run });
  return { instanceId, duplicate: false };
}

app.http('radiologySubmit', {
  route: 'radiology/studies',
  methods: ['POST'],
  extraInputs: [df.input.durableClient()],
  handler: async (request: HttpRequest, context: InvocationContext) => {
    let body: unknown;
    try {
      body = await request.json();
    } catch {
      return { status: 400, jsonBody: { error: 'the body is not valid JSON', where: 'body' } };
    }
    const client = df.getClient(context);
    try {
      const principal = request.headers.get('x-ms-client-principal-name') ?? 'pacs';
      const ip = request.headers.get('x-forwarded-for')?.split(',')[0]?.trim() ?? '127.0.0.1';
      const { instanceId, duplicate } = await submit(body, 'body', client, principal, ip);
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
          ...(loadConfig().environment === 'local' ? { reviewListUri: `${origin}/api/review` } : {}),
        },
      };
    } catch (error) {
      if (error instanceof UserError) return { status: 400, jsonBody: { error: error.message, where: error.where } };
      throw error;
    }
  },
});

app.http('radiologyStatus', {
  route: 'radiology/studies/{accession}',
  methods: ['GET'],
  extraInputs: [df.input.durableClient()],
  handler: async (request: HttpRequest, context: InvocationContext) => {
    const status = await df
      .getClient(context)
      .getStatus(instanceIdFor(request.params.accession ?? ''))
      .catch(() => undefined);
    if (!status)
      return { status: 404, jsonBody: { error: 'no radiology run for that accession number', where: 'accession' } };
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
  path: 'radiology-inbox/{name}',
  connection: 'AzureWebJobsStorage',
  extraInputs: [df.input.durableClient()],
  handler: async (blob: unknown, context: InvocationContext) => {
    const name = String(context.triggerMetadata?.name);
    const text = Buffer.isBuffer(blob) ? blob.toString('utf8') : String(blob);
    let reason: string | undefined;
    try {
      await submit(JSON.parse(text), `radiology-inbox/${name}`, df.getClient(context), 'radiology-inbox', '127.0.0.1');
    } catch (error) {
      if (error instanceof SyntaxError) reason = `radiology-inbox/${name}: not valid JSON (${error.message})`;
      else if (error instanceof UserError) reason = `radiology-inbox/${name}: ${error.message}`;
      else throw error;
    }
    if (reason) {
      const rejected = blobServiceClient(loadConfig().storage).getContainerClient('radiology-inbox-rejected');
      await rejected.createIfNotExists();
      await rejected.getBlockBlobClient(name).upload(text, Buffer.byteLength(text));
      await rejected.getBlockBlobClient(`${name}.reason.txt`).upload(reason, Buffer.byteLength(reason));
      context.warn(`rejected ${name}: ${reason}`);
    }
  },
});
