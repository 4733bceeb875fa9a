import type * as df from 'durable-functions';
import type { Config } from '../../shared/config';
import { UserError } from '../../shared/errors';
import type { Caller } from '../../shared/identity/caller';
import { formatOfBlobName, readRadiologyInput } from '../../shared/radiology/inputs/formats';
import type { RadiologyIntake } from '../../shared/radiology/intake';
import { blobNameProblem, quarantineName } from '../../shared/storage/blob-names';
import { blobServiceClient } from '../../shared/storage/clients';
import { blobRejections } from '../../shared/storage/rejections';
import { writeOnce } from '../../shared/storage/write-once';
import { runTaken } from '../start-once';
import {
  INBOX_CONTAINER,
  INBOX_NAMES,
  instanceIdFor,
  RADIOLOGY_ORCHESTRATOR,
  REJECTED_CONTAINER,
  STUDIES_CONTAINER,
} from './names';
import type { RadiologyRun } from './types';

export type Submitted = { instanceId: string; duplicate: boolean } | { conflict: string };

/**
 * Stores the validated study and starts its run, once per accession number. The study blob is written only if
 * absent: a second submission never replaces the first's (a failed run restarts only with the same study).
 */
export async function submitStudy(
  config: Config,
  intake: RadiologyIntake,
  client: df.DurableClient,
  caller: Caller,
): Promise<Submitted> {
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

const inboxCaller: Caller = { via: 'system', name: INBOX_CONTAINER, roles: [], ipAddress: '127.0.0.1' };

/** Why a study dropped in the inbox cannot run, or undefined once its run is started (or already was). */
async function inboxProblem(config: Config, name: string, text: string, client: df.DurableClient) {
  const source = `${INBOX_CONTAINER}/${name}`;
  try {
    const submitted = await submitStudy(
      config,
      readRadiologyInput(text, formatOfBlobName(name), source),
      client,
      inboxCaller,
    );
    return 'conflict' in submitted ? `${source}: ${submitted.conflict}` : undefined;
  } catch (error) {
    if (error instanceof UserError) return `${source}: ${error.message}`;
    throw error;
  }
}

/**
 * A study dropped in the inbox: started like a submission, or kept in the rejected container with its reason.
 * Answers the warning to log for a rejection.
 */
export async function takeInboxStudy(
  config: Config,
  name: string,
  text: string,
  client: df.DurableClient,
): Promise<string | undefined> {
  const badName = blobNameProblem(name, INBOX_NAMES);
  const reason = badName
    ? `${INBOX_CONTAINER}/${JSON.stringify(name)}: ${badName}`
    : await inboxProblem(config, name, text, client);
  if (!reason) return undefined;
  // A name that broke the rule is never reused: the copy and its reason go under a name derived from it.
  const rejected = blobRejections(blobServiceClient(config.storage).getContainerClient(REJECTED_CONTAINER));
  const kept = await rejected.reject(badName ? quarantineName(name) : name, text, reason);
  return `rejected ${INBOX_CONTAINER} blob as ${kept}: ${reason}`;
}
