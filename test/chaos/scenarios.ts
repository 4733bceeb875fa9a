import { readFileSync } from 'node:fs';
import path from 'node:path';
import { TableClient } from '@azure/data-tables';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { REGIONS } from '../../shared/model/regions';
import { generateDemoLake } from '../../shared/var/demo';
import { repoRoot } from '../support/app-host';
import { submitReview } from '../support/review-form';
import { verifyTodaysAudit } from '../support/storage';
import type { ChaosStack } from './stack';

const SYSTEM_KEY = 'local-durable-system-key';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface Summary {
  scenario: string;
  [metric: string]: unknown;
}

async function status(
  stack: ChaosStack,
  id: string,
): Promise<{ runtimeStatus: string; customStatus: { stage?: string } | null; output: unknown } | undefined> {
  const r = await fetch(
    `${stack.host.url}/runtime/webhooks/durabletask/instances/${encodeURIComponent(id)}?code=${SYSTEM_KEY}`,
  ).catch(() => undefined);
  if (!r || r.status === 404) return undefined;
  return (await r.json()) as never;
}

async function outbox(stack: ChaosStack): Promise<{ instanceId: string; kind: string; url?: string }[]> {
  const table = TableClient.fromConnectionString(stack.azurite.connectionString, 'reviewoutbox', {
    allowInsecureConnection: true,
  });
  const rows: { instanceId: string; kind: string; url?: string }[] = [];
  try {
    for await (const row of table.listEntities<{ instanceId: string; kind: string; url?: string }>()) rows.push(row);
  } catch {
    return rows;
  }
  return rows;
}

const approve = async (url: string) => (await submitReview(url, { decision: 'approve' })).status;

async function memoPdf(variant: number): Promise<Buffer> {
  const memo = readFileSync(path.join(repoRoot, 'test', 'fixtures', 'foia', 'memo.txt'), 'utf8').replace(
    'case 2026-117',
    `case 2026-${1000 + variant}`,
  );
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([612, 792]);
  memo.split('\n').forEach((line, i) => page.drawText(line, { x: 40, y: 750 - i * 14, size: 9, font }));
  return Buffer.from(await doc.save());
}

/** Mixed pipeline runs while the host is SIGKILLed at random moments; then every run must finish exactly once. */
export async function hostCrash(
  stack: ChaosStack,
  runs = { radiology: 20, foia: 20, var: 5 },
  kills = 5,
): Promise<Summary> {
  const started = Date.now();
  const study = JSON.parse(
    readFileSync(path.join(repoRoot, 'test', 'fixtures', 'radiology', 'chest-ct-critical.json'), 'utf8'),
  );
  const lake = stack.blobs.getContainerClient('datalake');
  await lake.createIfNotExists();
  const varDates = ['2026-11-16', '2026-11-17', '2026-11-18', '2026-11-23', '2026-11-24'].slice(0, runs.var);
  for (const date of varDates)
    for (const [name, text] of Object.entries(generateDemoLake(date).files))
      await lake.getBlockBlobClient(name).upload(text, Buffer.byteLength(text));
  const inbox = stack.blobs.getContainerClient('foia-inbox');
  await inbox.createIfNotExists();
  const expected: string[] = [];
  const submit = async (i: number) => {
    if (i < runs.radiology) {
      const accession = `ACC-CHAOS-${i}`;
      await fetch(`${stack.host.url}/api/radiology/studies`, {
        method: 'POST',
        body: JSON.stringify({ ...study, accessionNumber: accession }),
      }).catch(() => undefined);
      return `radiology-${accession}`;
    }
    if (i < runs.radiology + runs.foia) {
      const n = i - runs.radiology;
      const pdf = await memoPdf(n);
      await inbox.getBlockBlobClient(`CHAOS-${n}/memo-${n}.pdf`).upload(pdf, pdf.length);
      return `foia-file:${n}`;
    }
    const date = varDates[i - runs.radiology - runs.foia]!;
    await fetch(`${stack.host.url}/api/var/runs`, {
      method: 'POST',
      body: JSON.stringify({ date, cutoffAt: '2099-01-01T00:00:00Z' }),
    }).catch(() => undefined);
    return `var-${date}`;
  };
  const total = runs.radiology + runs.foia + runs.var;
  let next = 0;
  for (let k = 0; k < kills; k++) {
    const batch = Math.ceil((total - next) / (kills - k));
    for (let j = 0; j < batch && next < total; j++) expected.push(await submit(next++));
    await sleep(200 + Math.random() * 1200);
    await stack.restartHost();
  }
  while (next < total) expected.push(await submit(next++));
  // Resubmit every radiology and VaR request once more: duplicates must not start second runs.
  for (let i = 0; i < runs.radiology; i++) await submit(i);
  for (let i = runs.radiology + runs.foia; i < total; i++) await submit(i);

  const recoverStart = Date.now();
  const foiaIds = async () => {
    const list = (await (
      await fetch(`${stack.host.url}/runtime/webhooks/durabletask/instances/?code=${SYSTEM_KEY}&instanceIdPrefix=foia-`)
    ).json()) as { instanceId: string }[];
    return list.filter((i) => !i.instanceId.includes(':')).map((i) => i.instanceId);
  };
  const deadline = Date.now() + 300_000;
  let approved = 0;
  let ids: string[] = [];
  for (;;) {
    ids = [...expected.filter((e) => !e.startsWith('foia-file:')), ...(await foiaIds())];
    for (const n of await outbox(stack)) {
      if (n.kind === 'review-requested' && n.url && ids.some((id) => n.instanceId.startsWith(id))) {
        const code = await approve(n.url);
        if (code === 200) approved++;
      }
    }
    const statuses = await Promise.all(ids.map((id) => status(stack, id)));
    const done = statuses.filter((s) => s?.runtimeStatus === 'Completed').length;
    if ((done === total && ids.length === total) || Date.now() > deadline) break;
    await sleep(500);
  }
  const statuses = await Promise.all(ids.map((id) => status(stack, id)));
  const signed = stack.blobs.getContainerClient('radiology-signed');
  let filedJson = 0;
  for await (const b of signed.listBlobsFlat({ prefix: 'ACC-CHAOS-' }))
    if (b.name.endsWith('.json') && !b.name.endsWith('.fhir.json')) filedJson++;
  const released = stack.blobs.getContainerClient('foia-released');
  let releasedTxt = 0;
  if (await released.exists())
    for await (const b of released.listBlobsFlat({ prefix: 'CHAOS-' }))
      if (b.name.endsWith('.redacted.txt')) releasedTxt++;
  const reports = stack.blobs.getContainerClient('reports');
  let publishedHtml = 0;
  if (await reports.exists())
    for await (const b of reports.listBlobsFlat({ prefix: 'published/var/' }))
      if (b.name.endsWith('.html')) publishedHtml++;
  const audit = await verifyTodaysAudit(stack.azurite.connectionString);

  return {
    scenario: 'host-crash',
    kills,
    runsStarted: total,
    completed: statuses.filter((s) => s?.runtimeStatus === 'Completed').length,
    failed: statuses.filter((s) => s?.runtimeStatus === 'Failed').length,
    lost: total - ids.length + statuses.filter((s) => !s).length,
    reviewsApproved: approved,
    artefacts: { radiologySigned: filedJson, foiaReleased: releasedTxt, varPublished: publishedHtml },
    duplicatedSideEffects:
      Math.max(0, filedJson - runs.radiology) +
      Math.max(0, releasedTxt - runs.foia) +
      Math.max(0, publishedHtml - runs.var),
    auditVerified: audit.ok,
    auditRecords: audit.records,
    secondsToRecover: Number(((Date.now() - recoverStart) / 1000).toFixed(1)),
    seconds: Number(((Date.now() - started) / 1000).toFixed(1)),
  };
}

/** Bad input of every kind: each gets a clear error or is kept with its reason, and the host stays up. */
export async function badInput(stack: ChaosStack): Promise<Summary> {
  const cases: { name: string; ok: boolean }[] = [];
  const post = (route: string, body: string) => fetch(`${stack.host.url}/api/${route}`, { method: 'POST', body });
  const expect400 = async (name: string, route: string, body: string) => {
    const r = await post(route, body);
    const json = (await r.json().catch(() => ({}))) as { where?: string };
    cases.push({ name, ok: r.status === 400 && typeof json.where === 'string' });
  };
  await expect400('malformed JSON', 'radiology/studies', '{"patient":');
  await expect400('wrong schema', 'radiology/studies', JSON.stringify({ patient: { name: 'X' } }));
  await expect400('huge body', 'radiology/studies', JSON.stringify({ dictation: 'x'.repeat(3_000_000) }));
  await expect400('unicode garbage', 'var/runs', JSON.stringify({ date: '２０２６-１１-２５' }));
  await expect400(
    'FOIA request without requester',
    'foia/requests',
    JSON.stringify({ requestId: 'R-1', receivedDate: '2026-11-25' }),
  );
  const inbox = stack.blobs.getContainerClient('foia-inbox');
  await inbox.createIfNotExists();
  const _rejected = stack.blobs.getContainerClient('foia-rejected');
  const drops: [string, Buffer][] = [
    ['BAD-1/empty.pdf', Buffer.alloc(0)],
    ['BAD-2/garbage.pdf', Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0xff, 0xfe])],
    ['BAD-3/..\\..\\etc\\passwd.docx', Buffer.from('not a docx')],
    ['BAD-4/ünïcödé 文件.exe', Buffer.from('MZ')],
  ];
  for (const [name, bytes] of drops) await inbox.getBlockBlobClient(name).upload(bytes, bytes.length);
  const poison = stack.blobs.getContainerClient('foia-rejected');
  const { QueueServiceClient } = await import('@azure/storage-queue');
  const poisonQueue = QueueServiceClient.fromConnectionString(stack.azurite.connectionString).getQueueClient(
    'webjobs-blobtrigger-poison',
  );
  const kept = async (name: string) => {
    if (
      await poison
        .getBlockBlobClient(`${name}.reason.txt`)
        .exists()
        .catch(() => false)
    )
      return true;
    // A name whose dot segments URLs resolve away cannot be read back: the host records it as poison with the reason.
    const messages =
      (await poisonQueue.peekMessages({ numberOfMessages: 32 }).catch(() => undefined))?.peekedMessageItems ?? [];
    return messages.some((m) =>
      Buffer.from(m.messageText, 'base64').toString('utf8').includes(name.replace(/\\/g, '/').split('/').pop()!),
    );
  };
  await Promise.all(
    drops.map(async ([name]) => {
      const deadline = Date.now() + 30_000;
      let ok = false;
      while (!ok && Date.now() < deadline) {
        ok = await kept(name);
        if (!ok) await sleep(250);
      }
      cases.push({ name: `kept with its reason: ${name}`, ok });
    }),
  );
  const health = await fetch(`${stack.host.url}/api/health`);
  cases.push({ name: 'host still healthy', ok: health.status === 200 });
  return {
    scenario: 'bad-input',
    cases: cases.length,
    handled: cases.filter((c) => c.ok).length,
    failures: cases.filter((c) => !c.ok).map((c) => c.name),
  };
}

/** Forged, altered, replayed and made-up review links: all refused, no state changes. */
export async function linkAbuse(stack: ChaosStack, attempts = 1000): Promise<Summary> {
  const notices = (await outbox(stack)).filter((n) => n.url);
  const real = notices[0]?.url;
  const codes: Record<string, number> = {};
  let stateChanges = 0;
  const before = new Map<string, string>();
  for (const n of notices.slice(0, 20))
    before.set(n.instanceId, (await status(stack, n.instanceId))?.runtimeStatus ?? '');
  for (let i = 0; i < attempts; i++) {
    let url: string;
    const kind = i % 4;
    if (kind === 0 || !real)
      url = `${stack.host.url}/api/review/${Buffer.from(JSON.stringify({ instanceId: 'x', nonce: String(i), expiresAt: 9e12 })).toString('base64url')}.${'A'.repeat(43)}`;
    else if (kind === 1) url = `${real.slice(0, -5)}${'B'.repeat(5)}`;
    else if (kind === 2) url = real;
    else url = `${stack.host.url}/api/review/${'x'.repeat(i % 300)}`;
    const r = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'decision=approve&csrf=forged',
    });
    codes[r.status] = (codes[r.status] ?? 0) + 1;
  }
  for (const [id, was] of before) if (((await status(stack, id))?.runtimeStatus ?? '') !== was) stateChanges++;
  const accepted = Object.entries(codes)
    .filter(([code]) => code === '200')
    .reduce((s, [, n]) => s + n, 0);
  return { scenario: 'review-link-abuse', attempts, statusCodes: codes, accepted, stateChanges };
}

/** A 429 storm on the PTU endpoint: calls spill over inside the zone and never leave it. */
export async function throttleStorm(stack: ChaosStack): Promise<Summary> {
  const date = '2026-11-19';
  const lake = stack.blobs.getContainerClient('datalake');
  await lake.createIfNotExists();
  for (const [name, text] of Object.entries(generateDemoLake(date).files))
    await lake.getBlockBlobClient(name).upload(text, Buffer.byteLength(text));
  stack.model.clearRequests();
  stack.model.setFault('eastus-ptu', { throttleRate: 1, retryAfterMs: 5000 });
  const t = Date.now();
  await fetch(`${stack.host.url}/api/var/runs`, {
    method: 'POST',
    body: JSON.stringify({ date, cutoffAt: '2099-01-01T00:00:00Z' }),
  });
  let stage: string | undefined;
  for (let i = 0; i < 120 && stage !== 'awaiting-review'; i++) {
    stage = (await status(stack, `var-${date}`))?.customStatus?.stage;
    await sleep(250);
  }
  const calls = stack.model.requests();
  stack.model.clearFaults();
  const outside = calls.filter((c) => REGIONS[c.endpoint.replace(/-ptu$/, '')]?.zone !== 'americas').length;
  return {
    scenario: 'throttle-storm',
    reachedReview: stage === 'awaiting-review',
    modelCalls: calls.length,
    throttled: calls.filter((c) => c.status === 429).length,
    servedBy: [...new Set(calls.filter((c) => c.status === 200).map((c) => c.endpoint))],
    callsOutsideResidency: outside,
    seconds: (Date.now() - t) / 1000,
  };
}

/** What every scenario must show: nothing lost, duplicated, leaked, accepted or changed that should not be. */
export function passed(s: Summary): boolean {
  return !(
    s.lost ||
    s.failed ||
    s.duplicatedSideEffects ||
    s.callsOutsideResidency ||
    s.accepted ||
    s.stateChanges ||
    s.auditVerified === false ||
    s.reachedReview === false ||
    (s.failures as string[] | undefined)?.length
  );
}

/** Azurite stopped mid-run (data kept) and started again: the runs continue and finish once. */
export async function azuriteRestart(stack: ChaosStack, studies = 5): Promise<Summary> {
  const started = Date.now();
  const study = JSON.parse(
    readFileSync(path.join(repoRoot, 'test', 'fixtures', 'radiology', 'chest-ct-critical.json'), 'utf8'),
  );
  const ids: string[] = [];
  for (let i = 0; i < studies; i++) {
    const accession = `ACC-AZR-${i}`;
    await fetch(`${stack.host.url}/api/radiology/studies`, {
      method: 'POST',
      body: JSON.stringify({ ...study, accessionNumber: accession }),
    });
    ids.push(`radiology-${accession}`);
  }
  await sleep(150);
  await stack.restartAzurite(3000);
  const recoverStart = Date.now();
  const deadline = Date.now() + 120_000;
  let approved = 0;
  for (;;) {
    for (const n of await outbox(stack)) {
      if (
        n.kind === 'review-requested' &&
        n.url &&
        ids.some((id) => n.instanceId.startsWith(id)) &&
        (await approve(n.url)) === 200
      )
        approved++;
    }
    const statuses = await Promise.all(ids.map((id) => status(stack, id)));
    if (statuses.every((s) => s?.runtimeStatus === 'Completed') || Date.now() > deadline) break;
    await sleep(500);
  }
  const statuses = await Promise.all(ids.map((id) => status(stack, id)));
  let filed = 0;
  for await (const b of stack.blobs.getContainerClient('radiology-signed').listBlobsFlat({ prefix: 'ACC-AZR-' }))
    if (b.name.endsWith('.pdf')) filed++;
  return {
    scenario: 'azurite-restart',
    runsStarted: studies,
    completed: statuses.filter((s) => s?.runtimeStatus === 'Completed').length,
    failed: statuses.filter((s) => s?.runtimeStatus === 'Failed').length,
    lost: statuses.filter((s) => !s).length,
    reviewsApproved: approved,
    duplicatedSideEffects: Math.max(0, filed - studies),
    secondsDown: 3,
    secondsToRecover: Number(((Date.now() - recoverStart) / 1000).toFixed(1)),
    seconds: Number(((Date.now() - started) / 1000).toFixed(1)),
  };
}
