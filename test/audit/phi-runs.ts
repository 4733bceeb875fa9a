import type { RunningHost } from '../../local/host/index';
import { foiaInstanceId } from '../../workflows/foia/instance-id';
import { callApp, outbox } from '../support/app-host';
import { durableApi } from '../support/durable';
import { reviewPageHtml, submitReview } from '../support/review-form';
import { blobService, waitFor } from '../support/storage';

const decode = (t: string) =>
  t
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

async function reviewLink(instanceId: string): Promise<string> {
  return waitFor(
    `the review link of ${instanceId}`,
    async () =>
      (await outbox()).find((n) => n.instanceId === `${instanceId}:review` && n.kind === 'review-requested')?.url,
    60_000,
  );
}

/** A PACS request through `POST /api/radiology/studies`; the radiologist edits the impression and signs. */
export async function radiologyRun(host: RunningHost, study: object, impressionNote: string) {
  const submitted = await callApp(host, 'radiology/studies', { method: 'POST', body: JSON.stringify(study) });
  if (submitted.status !== 202) throw new Error(`radiology submit answered ${submitted.status}`);
  const { instanceId } = (await submitted.json()) as { instanceId: string };
  const url = await reviewLink(instanceId);
  const html = await reviewPageHtml(url);
  const sections = Object.fromEntries(
    [...html.matchAll(/<textarea id="section-(\w+)" name="\w+" rows="\d+">([^<]*)<\/textarea>/g)].map((m) => [
      m[1]!,
      decode(m[2]!),
    ]),
  );
  const posted = await submitReview(url, {
    decision: 'modify',
    ...sections,
    impression: `${sections.impression}\n${impressionNote}`,
  });
  if (posted.status !== 200) throw new Error(`radiology review answered ${posted.status}`);
  return { instanceId, status: await durableApi(host).until(instanceId, undefined, 60_000) };
}

/**
 * A document in `foia-inbox/<requestId>/<file>`, handed to the app's own `foiaInbox` blob function as the host's
 * listener would (the listener stays off: other suites drop documents into the same inbox); the reviewer approves.
 */
export async function foiaRun(host: RunningHost, requestId: string, file: string, text: string) {
  const bytes = Buffer.from(text);
  await blobService()
    .getContainerClient('foia-inbox')
    .getBlockBlobClient(`${requestId}/${file}`)
    .upload(bytes, bytes.length);
  await host.app.invoke('foiaInbox', { bytes }, { requestId: { string: requestId }, file: { string: file } });
  const instanceId = foiaInstanceId(bytes);
  const posted = await submitReview(await reviewLink(instanceId), { decision: 'approve' });
  if (posted.status !== 200) throw new Error(`FOIA review of ${file} answered ${posted.status}`);
  return { instanceId, status: await durableApi(host).until(instanceId, undefined, 60_000) };
}
