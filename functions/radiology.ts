import { app, type HttpRequest, type InvocationContext } from '@azure/functions';
import * as df from 'durable-functions';
import { loadConfig } from '../shared/config';
import { UserError } from '../shared/errors';
import { BODY_LIMITS, readBody, refusal } from '../shared/http/body';
import { authorise, type Caller } from '../shared/identity/caller';
import { ROLES } from '../shared/identity/roles';
import {
  formatOfBlobName,
  formatOfContentType,
  readRadiologyInput,
  UnsupportedMediaType,
} from '../shared/radiology/inputs/formats';
import type { RadiologyIntake } from '../shared/radiology/intake';
import { radiologyView } from '../shared/radiology/review-view';
import { registerView } from '../shared/review/views';
import { blobNameProblem, quarantineName, RADIOLOGY_INBOX_NAMES } from '../shared/storage/blob-names';
import { blobServiceClient } from '../shared/storage/clients';
import { writeOnce } from '../shared/storage/write-once';
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
import { runTaken } from './start-once';

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

type Submitted = { instanceId: string; duplicate: boolean } | { conflict: string };

/**
 * Stores the validated study and starts its run, once per accession number. The study blob is written only if
 * absent: a second submission never replaces the first's (a failed run restarts only with the same study).
 */
async function submit(intake: RadiologyIntake, client: df.DurableClient, caller: Caller): Promise<Submitted> {
  const config = loadConfig();
  const settings = config.radiology;
  const accession = intake.study.accessionNumber;
  const studies = blobServiceClient(config.storage).getContainerClient(STUDIES_CONTAINER);
  await studies.createIfNotExists();
  const studyRef = `${accession}.json`;
  const instanceId = instanceIdFor(accession);
  if (await runTaken(client, instanceId)) return { instanceId, duplicate: true };
  const text = JSON.stringify(intake.study);
  const stored = await writeOnce(studies.getBlockBlobClient(studyRef), text);
  if (stored === 'different')
    return {
      conflict: `accession ${accession} already has a study with different content, and a submission never replaces it; send a correction under a new accession number`,
    };
  const run: RadiologyRun = {
    accession,
    studyRef,
    requestedBy: caller.name,
    ipAddress: caller.ipAddress,
    reviewer: settings.reviewer,
    backupReviewer: settings.backupReviewer,
    residency: config.model.residency.radiology,
  };
  await client.startNew(RADIOLOGY_ORCHESTRATOR, { instanceId, input: run });
  return { instanceId, duplicate: false };
}

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
      const submitted = await submit(readRadiologyInput(text, format, 'body'), client, who.caller);
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
  path: 'radiology-inbox/{name}',
  connection: 'AzureWebJobsStorage',
  extraInputs: [df.input.durableClient()],
  handler: async (blob: unknown, context: InvocationContext) => {
    const name = String(context.triggerMetadata?.name);
    const text = Buffer.isBuffer(blob) ? blob.toString('utf8') : String(blob);
    const inboxCaller: Caller = { via: 'system', name: 'radiology-inbox', roles: [], ipAddress: '127.0.0.1' };
    const badName = blobNameProblem(name, RADIOLOGY_INBOX_NAMES);
    let reason: string | undefined = badName && `radiology-inbox/${JSON.stringify(name)}: ${badName}`;
    if (!reason) {
      const source = `radiology-inbox/${name}`;
      try {
        const intake = readRadiologyInput(text, formatOfBlobName(name), source);
        const submitted = await submit(intake, df.getClient(context), inboxCaller);
        if ('conflict' in submitted) reason = `${source}: ${submitted.conflict}`;
      } catch (error) {
        if (error instanceof UserError) reason = `radiology-inbox/${name}: ${error.message}`;
        else throw error;
      }
    }
    if (reason) {
      // A name that broke the rule is never reused: the copy and its reason go under a name derived from it.
      const kept = badName ? quarantineName(name) : name;
      const rejected = blobServiceClient(loadConfig().storage).getContainerClient('radiology-inbox-rejected');
      await rejected.createIfNotExists();
      await rejected.getBlockBlobClient(kept).upload(text, Buffer.byteLength(text));
      await rejected.getBlockBlobClient(`${kept}.reason.txt`).upload(reason, Buffer.byteLength(reason));
      context.warn(`rejected radiology-inbox blob as radiology-inbox-rejected/${kept}: ${reason}`);
    }
  },
});
