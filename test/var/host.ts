import assert from 'node:assert/strict';
import type { RunningHost } from '../../local/host/index';
import type { RunningModelServer } from '../../local/model/server';
import { generateDemoLake } from '../../shared/var/demo';
import { callApp, outbox, startAppHost } from '../support/app-host';
import { durableApi } from '../support/durable';
import { endpointsOf } from '../support/model';
import { blobService, waitFor } from '../support/storage';

/**
 * The app on the local host for a VaR suite, New York desk, with its own hub and test clock. Suites share one
 * Azurite (the `datalake` and `reports` containers, the outbox), so each suite uses business dates of its own.
 */
export function startVarHost(
  name: string,
  startMs: number,
  options: { server?: RunningModelServer; timer?: boolean; hostInUtc?: boolean } = {},
): Promise<RunningHost> {
  return startAppHost(
    `${name}${Date.now().toString(36)}`,
    {
      // hostInUtc: the host fires its timers in UTC, as Flex Consumption does; the desk zone comes from VAR_TIME_ZONE.
      ...(options.hostInUtc
        ? { WEBSITE_TIME_ZONE: '', VAR_TIME_ZONE: 'America/New_York' }
        : { WEBSITE_TIME_ZONE: 'America/New_York' }),
      ...(options.server
        ? { MODEL_ENDPOINTS: JSON.stringify(endpointsOf(options.server)), MODEL_API_KEY: options.server.apiKey }
        : {}),
    },
    startMs,
    options.timer ? ['varDaily'] : [],
  );
}

export async function uploadDemoLake(date: string): Promise<void> {
  const lake = blobService().getContainerClient('datalake');
  await lake.createIfNotExists();
  for (const [name, text] of Object.entries(generateDemoLake(date).files))
    await lake.getBlockBlobClient(name).upload(text, Buffer.byteLength(text));
}

/** POST /api/var/runs with the function key; a chosen cutoff goes to the operator's route with the admin key. */
export const startRun = (host: RunningHost, body: { date: string; cutoffAt?: string }) =>
  body.cutoffAt === undefined
    ? callApp(host, 'var/runs', { method: 'POST', body: JSON.stringify(body) })
    : callApp(host, 'var/runs/operator', { method: 'POST', body: JSON.stringify(body) }, 'master');

export const notificationsFor = async (instanceId: string, kind: string) =>
  (await outbox()).filter((n) => n.instanceId === instanceId && n.kind === kind);

export const reviewLink = (instanceId: string, round: number) =>
  waitFor(
    `review link round ${round}`,
    async () => (await notificationsFor(`${instanceId}:review:${round}`, 'review-requested'))[0]?.url,
    30_000,
  );

/** The report blobs a run wrote for its date under `draft/` or `published/`. */
export async function reportBlobs(stage: 'draft' | 'published', date: string): Promise<string[]> {
  const reports = blobService().getContainerClient('reports');
  if (!(await reports.exists())) return [];
  const names: string[] = [];
  for await (const b of reports.listBlobsFlat({ prefix: `${stage}/var/${date}` })) names.push(b.name);
  return names;
}

export const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits for the run of `date` to publish after `rounds` drafts, approved by the risk manager; its published HTML. */
export async function publishedReport(host: RunningHost, date: string, rounds: number): Promise<string> {
  const done = await durableApi(host).until(`var-${date}`, undefined, 30_000);
  assert.deepEqual(done.output, {
    outcome: 'published',
    date,
    approvedBy: 'risk.manager@bank.example',
    files: [`reports/published/var/${date}.html`, `reports/published/var/${date}.pdf`],
    rounds,
  });
  const html = blobService().getContainerClient('reports').getBlockBlobClient(`published/var/${date}.html`);
  return (await html.downloadToBuffer()).toString('utf8');
}
