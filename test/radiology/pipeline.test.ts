import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { RunningHost } from '../../local/host/index';
import type { RunningModelServer } from '../../local/model/server';
import { verifySignedReport } from '../../shared/radiology/signing';
import { localTrustedKeys } from '../../shared/radiology/signing-local';
import { callApp, outbox, startAppHost } from '../support/app-host';
import { asReviewer } from '../support/browser';
import { durableApi } from '../support/durable';
import { endpointsOf, localModelServer } from '../support/model';
import { reviewPageHtml } from '../support/review-form';
import { blobService, verifyTodaysAudit, waitFor } from '../support/storage';

const fixture = JSON.parse(
  readFileSync(
    path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'radiology', 'chest-ct-critical.json'),
    'utf8',
  ),
);
let server: RunningModelServer;
let host: RunningHost;
const keysDir = mkdtempSync(path.join(tmpdir(), 'enclave-keys-'));

before(async () => {
  server = await localModelServer();
  host = await startAppHost(
    `RadiologyHub${Date.now().toString(36)}`,
    {
      MODEL_ENDPOINTS: JSON.stringify(endpointsOf(server)),
      MODEL_API_KEY: server.apiKey,
      ENCLAVE_KEYS_DIR: keysDir,
      MODEL_BREAKER_OPEN_MS: '200',
      RADIOLOGY_REVIEWER: 'dr.byrne@hospital.example',
    },
    undefined,
    ['radiologyInbox'],
  );
});
after(async () => {
  await host.stop();
  await server.stop();
});

/** The sections the reviewer sees on the page. */
async function readSections(url: string): Promise<Record<string, string>> {
  const html = await reviewPageHtml(url);
  const decodeEntities = (t: string) =>
    t
      .replace(/&#39;/g, "'")
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
  return Object.fromEntries(
    [...html.matchAll(/<textarea id="section-(\w+)" name="\w+" rows="\d+">([^<]*)<\/textarea>/g)].map((m) => [
      m[1]!,
      decodeEntities(m[2]!),
    ]),
  );
}

test('PACS study with a critical finding: urgent alert, PHI-free draft in the EU, radiologist edits and signs, report filed once and verifiable', async () => {
  const submit = () => callApp(host, 'radiology/studies', { method: 'POST', body: JSON.stringify(fixture) });
  const first = await submit();
  assert.equal(first.status, 202);
  const accepted = (await first.json()) as { instanceId: string; statusQueryGetUri: string; reviewListUri: string };
  const { instanceId } = accepted;
  assert.equal(instanceId, 'radiology-ACC-2026-118842');
  assert.equal(accepted.statusQueryGetUri, `${host.url}/api/radiology/studies/ACC-2026-118842`);
  assert.equal(accepted.reviewListUri, `${host.url}/api/review`);
  assert.equal(first.headers.get('location'), accepted.statusQueryGetUri);
  const headers: string[] = [];
  first.headers.forEach((value, name) => headers.push(`${name}: ${value}`));
  const answer = JSON.stringify([accepted, headers]);
  assert.ok(!/code=|raiseEvent|durabletask|sendEventPostUri/.test(answer), `no system key or event URL: ${answer}`);
  assert.equal((await fetch(accepted.reviewListUri)).status, 401, 'the review list is not for the submitter');
  const asOperator = await fetch(accepted.reviewListUri, { headers: { 'x-functions-key': host.keys.master } });
  assert.equal(asOperator.status, 200, 'the review list opens for the operator');
  assert.equal(
    ((await (await submit()).json()) as { duplicate: boolean }).duplicate,
    true,
    'a second click starts no second run',
  );

  const notices = await waitFor(
    'the critical alert and the review request',
    async () => {
      const mine = (await outbox()).filter(
        (n) => n.instanceId === instanceId || n.instanceId === `${instanceId}:review`,
      );
      return mine.some((n) => n.kind === 'review-requested') ? mine : undefined;
    },
    30_000,
  );
  const critical = notices.find((n) => n.kind === 'critical-result')!;
  const requested = notices.find((n) => n.kind === 'review-requested')!;
  assert.match(critical.title, /URGENT critical result: tension pneumothorax \(ACR 1\)/);
  assert.ok(critical.at <= requested.at, 'the urgent notification goes out before review');

  const calls = server.requests();
  assert.ok(calls.length >= 1);
  assert.ok(
    calls.every((c) => c.endpoint === 'westeurope'),
    `calls went to ${calls.map((c) => c.endpoint).join(', ')}`,
  );
  const sent = JSON.stringify(calls.map((c) => c.messages));
  for (const phi of [
    "O'Connell",
    'Margaret',
    'MRN-00482913',
    '1957-03-14',
    'ACC-2026-118842',
    'Patel',
    '555 0142',
    '22/11/2026',
  ]) {
    assert.ok(!sent.includes(phi), `PHI "${phi}" reached the model`);
  }

  const sections = await readSections(requested.url!);
  assert.match(sections.findings!, /Right tension pneumothorax/);
  assert.match(sections.impression!, /CRITICAL: Right tension pneumothorax/);
  const edited = `${sections.impression}\nDiscussed with Dr. Patel at 14:10; chest drain advised.`;
  await asReviewer(requested.url!, 'radiology-signed.png', async (page) => {
    await page.getByLabel('Impression').fill(edited);
    await page.getByRole('button', { name: 'Save my edits and approve' }).click();
  });

  const done = await durableApi(host).until(instanceId, undefined, 30_000);
  assert.equal(done.runtimeStatus, 'Completed');
  const output = done.output as {
    outcome: string;
    files: string[];
    signer: string;
    draftMs: number;
    reviewerMs: number;
  };
  assert.ok(
    output.draftMs >= 0 && output.reviewerMs > 0,
    `time to draft ${output.draftMs} ms, reviewer time ${output.reviewerMs} ms`,
  );
  assert.deepEqual([output.outcome, output.signer], ['modified', 'dr.byrne@hospital.example']);
  assert.deepEqual(output.files, [
    'radiology-signed/ACC-2026-118842.json',
    'radiology-signed/ACC-2026-118842.fhir.json',
    'radiology-signed/ACC-2026-118842.pdf',
  ]);

  const status = (await (
    await fetch(accepted.statusQueryGetUri, { headers: { 'x-functions-key': host.keys.function } })
  ).json()) as {
    stage: string;
    timing: { draftMs: number; reviewerMs: number };
  };
  assert.equal(status.stage, 'filed');
  assert.deepEqual(status.timing, { draftMs: output.draftMs, reviewerMs: output.reviewerMs });

  const signed = blobService().getContainerClient('radiology-signed');
  const filed = JSON.parse(
    (await signed.getBlockBlobClient('ACC-2026-118842.json').downloadToBuffer()).toString('utf8'),
  ) as { report: { sections: { impression: string }; patient: { name: string } }; signature: unknown };
  assert.equal(filed.report.sections.impression, edited);
  assert.equal(filed.report.patient.name, "Margaret O'Connell", 'the filed report is re-identified');
  const trusted = localTrustedKeys(keysDir);
  assert.equal((await verifySignedReport(filed, trusted)).ok, true);
  const tampered = { ...filed, report: { ...filed.report, sections: { ...filed.report.sections, impression: 'x' } } };
  assert.equal((await verifySignedReport(tampered, trusted)).ok, false);
  const fhir = JSON.parse(
    (await signed.getBlockBlobClient('ACC-2026-118842.fhir.json').downloadToBuffer()).toString('utf8'),
  );
  assert.deepEqual(
    [fhir.resourceType, fhir.status, fhir.resultsInterpreter[0].display],
    ['DiagnosticReport', 'final', 'dr.byrne@hospital.example'],
  );
  const pdf = await signed.getBlockBlobClient('ACC-2026-118842.pdf').downloadToBuffer();
  assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');

  const month = blobService()
    .getContainerClient('finetune')
    .getAppendBlobClient(`radiology/${(fhir.issued as string).slice(0, 7)}.jsonl`);
  // Other suites append to the same month's file: find this run's pair by its de-identified edit, check every line.
  const lines = (await month.downloadToBuffer()).toString('utf8').split('\n').filter(Boolean);
  assert.ok(
    lines.some((l) => l.includes('Discussed with [PERSON] at 14:10; chest drain advised.')),
    'the signed pair, with the edit de-identified, reached the fine-tuning file',
  );
  for (const line of lines)
    for (const phi of ["O'Connell", 'O Connell', 'Margaret', 'MRN-00482913', 'ACC-2026-118842', 'Patel'])
      assert.ok(!line.includes(phi), `PHI "${phi}" in the fine-tuning data`);

  const audit = await verifyTodaysAudit();

  assert.equal(audit.ok, true, JSON.stringify(audit.problems[0]));
});

test('bad input is answered with the field at fault; a bad inbox blob is kept with its reason', async () => {
  const bad = await callApp(host, 'radiology/studies', {
    method: 'POST',
    body: JSON.stringify({ ...fixture, patient: { ...fixture.patient, mrn: 'x' } }),
  });
  assert.equal(bad.status, 400);
  assert.deepEqual(await bad.json(), { error: 'patient.mrn: letters, digits and dashes (4–32)', where: 'patient.mrn' });
  const notJson = await callApp(host, 'radiology/studies', { method: 'POST', body: '{"patient":' });
  assert.equal(notJson.status, 400);
  const inbox = blobService().getContainerClient('radiology-inbox');
  await inbox.createIfNotExists();
  const broken = JSON.stringify({ ...fixture, accessionNumber: 'ACC-BAD-1', modality: 'XRAYZ' });
  await inbox.getBlockBlobClient('broken-study.json').upload(broken, Buffer.byteLength(broken));
  const rejected = blobService().getContainerClient('radiology-inbox-rejected');
  const reason = await waitFor('the rejected study', async () => {
    try {
      return (await rejected.getBlockBlobClient('broken-study.json.reason.txt').downloadToBuffer()).toString('utf8');
    } catch {
      return undefined;
    }
  });
  assert.match(reason, /^radiology-inbox\/broken-study\.json: modality: /);
  assert.equal((await rejected.getBlockBlobClient('broken-study.json').downloadToBuffer()).toString('utf8'), broken);
});

test('with the EU region down the run waits on durable timers, never leaves the region, and drafts when it returns', async () => {
  server.clearRequests();
  server.setFault('westeurope', { down: true });
  const study = { ...fixture, accessionNumber: 'ACC-2026-EUDOWN' };
  assert.equal((await callApp(host, 'radiology/studies', { method: 'POST', body: JSON.stringify(study) })).status, 202);
  const api = durableApi(host);
  const waiting = await waitFor(
    'the model call waiting for its region',
    async () => {
      await host.clock.advance(5_000); // lets callModel's own retry back-off (durable timers) run out first
      const children = (await (
        await fetch(
          `${host.url}/runtime/webhooks/durabletask/instances/?code=${host.keys.system}&runtimeStatus=Running`,
        )
      ).json()) as { name: string; customStatus: { waitingForRegion?: boolean } | null }[];
      return children.find((c) => c.name === 'modelCallOrchestrator' && c.customStatus?.waitingForRegion);
    },
    30_000,
  );
  assert.ok(waiting);
  server.setFault('westeurope', {});
  await new Promise((r) => setTimeout(r, 300));
  await host.clock.advance(5 * 60_000);
  await api.until(
    'radiology-ACC-2026-EUDOWN',
    (s) => (s.customStatus as { stage?: string } | null)?.stage === 'awaiting-review',
    30_000,
  );
  assert.ok(
    server.requests().every((r) => r.endpoint === 'westeurope'),
    'no call left the region while it was down',
  );
});
