import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { loadConfig } from '../../shared/config';
import { blobServiceClient } from '../../shared/storage/clients';
import { INBOX_CONTAINER } from '../../workflows/foia/names';
import { batchFiles } from '../batch-files';
import { hostTarget, withFunctionKey } from '../host-client';
import { type SubmitOutcome, submitBatch } from '../submit-batch';

const FOIA_TYPES: Record<string, string> = {
  '.txt': 'text/plain',
  '.pdf': 'application/pdf',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

interface BatchOptions {
  host?: string;
  concurrency: string;
  json?: boolean;
  progress: boolean;
}

const concurrencyOf = (o: BatchOptions) => {
  const n = Number(o.concurrency);
  if (!Number.isInteger(n) || n < 1 || n > 256) throw new Error(`--concurrency must be 1–256, got "${o.concurrency}"`);
  return n;
};

/** Prints each outcome (--json) or the rejected/failed ones, then the summary; exit 1 when any was not accepted. */
async function run(files: string[], o: BatchOptions, submitOne: (file: string) => Promise<SubmitOutcome>) {
  const { summary } = await submitBatch(files, submitOne, {
    concurrency: concurrencyOf(o),
    progress: o.progress,
    onOutcome: (outcome) => {
      if (o.json) console.log(JSON.stringify(outcome));
      else if (outcome.status === 'rejected' || outcome.status === 'failed')
        console.error(
          `${outcome.status}: ${outcome.file}: ${outcome.where ? `${outcome.where}: ` : ''}${outcome.error}`,
        );
    },
  });
  console.log(
    o.json
      ? JSON.stringify({ summary })
      : `submitted ${summary.submitted} in ${summary.seconds} s (${summary.perSecond}/s): accepted ${summary.accepted}, ` +
          `duplicate ${summary.duplicate}, rejected ${summary.rejected}, failed ${summary.failed}`,
  );
  if (summary.rejected + summary.failed > 0) process.exitCode = 1;
}

const batchOptions = (command: Command) =>
  command
    .option('--host <url>', 'the running host (default ENCLAVE_HOST_URL or http://localhost:7071)')
    .option('--concurrency <n>', 'submissions in flight', '16')
    .option('--json', 'one JSON line per file, then {"summary": …}')
    .option('--no-progress', 'no progress bar on stderr');

export function register(program: Command): void {
  const submit = program
    .command('submit')
    .description('Submit many documents to a running stack at once, with a progress bar');

  batchOptions(
    submit
      .command('radiology <paths...>')
      .description('POST each study JSON (files, or folders of .json files) to /api/radiology/studies'),
  ).action(async (paths: string[], o: BatchOptions) => {
    const { host } = hostTarget(o);
    await run(batchFiles(paths, ['.json']), o, async (file) => {
      const response = await fetch(
        `${host}/api/radiology/studies`,
        withFunctionKey({ method: 'POST', headers: { 'content-type': 'application/json' }, body: readFileSync(file) }),
      ).catch((error: Error) => {
        throw new Error(`cannot reach the host at ${host} (${error.message}); is \`npm start\` running?`);
      });
      const body = (await response.json().catch(() => ({}))) as {
        instanceId?: string;
        duplicate?: boolean;
        error?: string;
        where?: string;
      };
      if (response.status === 202)
        return { file, status: body.duplicate ? 'duplicate' : 'accepted', instanceId: body.instanceId };
      if (response.status === 400 || response.status === 409)
        return { file, status: 'rejected', error: body.error, where: body.where };
      return { file, status: 'failed', error: `HTTP ${response.status}${body.error ? `: ${body.error}` : ''}` };
    });
  });

  batchOptions(
    submit
      .command('foia <requestId> <paths...>')
      .description('Upload each .txt/.pdf/.docx (files, or folders of them) to foia-inbox/<requestId>/')
      .option('--requester <name>', 'record the request first (POST /api/foia/requests)')
      .option('--received <YYYY-MM-DD>', 'date the request was received (with --requester)'),
  ).action(async (requestId: string, paths: string[], o: BatchOptions & { requester?: string; received?: string }) => {
    const files = batchFiles(paths, Object.keys(FOIA_TYPES));
    const names = new Map<string, string>();
    for (const file of files) {
      const name = path.basename(file);
      const twin = names.get(name);
      if (twin) throw new Error(`${file} and ${twin} would both be uploaded as foia-inbox/${requestId}/${name}`);
      names.set(name, file);
    }
    if (o.requester) {
      const { host } = hostTarget(o);
      const response = await fetch(
        `${host}/api/foia/requests`,
        withFunctionKey({
          method: 'POST',
          body: JSON.stringify({
            requestId,
            requester: o.requester,
            receivedDate: o.received ?? new Date().toISOString().slice(0, 10),
          }),
        }),
      );
      const body = (await response.json()) as { error?: string; where?: string; dueDate?: string };
      if (response.status !== 201 && response.status !== 200)
        throw new Error(`the request was refused: ${body.where}: ${body.error}`);
      console.error(`request ${requestId} recorded; statutory due date ${body.dueDate}`);
    }
    const inbox = blobServiceClient(loadConfig().storage).getContainerClient(INBOX_CONTAINER);
    await inbox.createIfNotExists();
    await run(files, o, async (file) => {
      const type = FOIA_TYPES[path.extname(file).toLowerCase()];
      // The inbox trigger rejects other types with a reason; refusing here first saves a round trip.
      if (!type) return { file, status: 'rejected', error: 'not a .txt, .pdf or .docx file', where: 'file' };
      const bytes = readFileSync(file);
      await inbox
        .getBlockBlobClient(`${requestId}/${path.basename(file)}`)
        .upload(bytes, bytes.length, { blobHTTPHeaders: { blobContentType: type } });
      return { file, status: 'accepted' };
    });
  });
}
