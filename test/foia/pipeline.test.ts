import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { Document, Packer, Paragraph } from 'docx';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { RunningHost } from '../../local/host/index';
import type { RunningModelServer } from '../../local/model/server';
import { extractText } from '../../shared/foia/extract';
import { outbox, startAppHost } from '../support/app-host';
import { asReviewer } from '../support/browser';
import { durableApi } from '../support/durable';
import { endpointsOf, localModelServer } from '../support/model';
import { blobService, verifyTodaysAudit, waitFor } from '../support/storage';

const memo = readFileSync(path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'foia', 'memo.txt'), 'utf8');
let server: RunningModelServer;
let host: RunningHost;

before(async () => {
  server = await localModelServer();
  host = await startAppHost(
    `FoiaHub${Date.now().toString(36)}`,
    { MODEL_ENDPOINTS: JSON.stringify(endpointsOf(server)), MODEL_API_KEY: server.apiKey },
    undefined,
    ['foiaInbox'],
  );
});
after(async () => {
  await host.stop();
  await server.stop();
});

async function pdfOf(text: string): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([612, 792]);
  text.split('\n').forEach((line, i) => page.drawText(line, { x: 40, y: 750 - i * 14, size: 9, font }));
  return Buffer.from(await doc.save());
}

/** The legal reviewer in Chromium: rejects the commercial item, adds a redaction by its text, saves. */
async function reviewInBrowser(instanceId: string, add: { text: string; category: string; reason: string }) {
  const url = await waitFor(
    'the review link',
    async () =>
      (await outbox()).find((n) => n.instanceId === `${instanceId}:review` && n.kind === 'review-requested')?.url,
    30_000,
  );
  const html = await (await fetch(url)).text();
  const items = [...html.matchAll(/<tr><td><a href="#m-(r\d+)">([^<]*)<\/a><\/td><td>(\w+)<\/td>/g)].map((m) => ({
    id: m[1]!,
    text: m[2]!,
    category: m[3]!,
  }));
  const commercial = items.find((i) => i.category === 'COMMERCIAL')!;
  await asReviewer(url, 'foia-review.png', async (page) => {
    await page.locator(`input[name="item-${commercial.id}"][value="reject"]`).check();
    await page.getByLabel('Exact text to redact (select it in the document)').fill(add.text);
    await page.getByLabel('Category').selectOption(add.category);
    await page.getByLabel('Reason', { exact: true }).fill(add.reason);
    await page.getByRole('button', { name: 'Save my edits and approve' }).click();
  });
  return { items, rejected: commercial };
}

test('PDF and DOCX dropped in the inbox: recommendations, review (reject one, add one), truly redacted release with an index', async () => {
  const meta = await fetch(`${host.url}/api/foia/requests`, {
    method: 'POST',
    body: JSON.stringify({
      requestId: 'REQ-2026-0042',
      requester: 'reporter@news.example',
      receivedDate: '2026-11-20',
    }),
  });
  assert.equal(meta.status, 201);
  assert.equal(
    ((await meta.json()) as { dueDate: string }).dueDate,
    '2026-12-21',
    '20 business days, skipping Thanksgiving',
  );
  const inbox = blobService().getContainerClient('foia-inbox');
  const pdf = await pdfOf(memo);
  await inbox.getBlockBlobClient('REQ-2026-0042/memo.pdf').upload(pdf, pdf.length);
  const docx = await Packer.toBuffer(
    new Document({
      sections: [
        {
          children: memo
            .replace('Harbor district', 'Harbor district (copy)')
            .split('\n')
            .map((l) => new Paragraph(l)),
        },
      ],
    }),
  );
  await inbox.getBlockBlobClient('REQ-2026-0042/memo-copy.docx').upload(docx, docx.length);

  const instances = await waitFor(
    'two FOIA runs',
    async () => {
      const list = (await (
        await fetch(
          `${host.url}/runtime/webhooks/durabletask/instances/?code=${host.keys.system}&instanceIdPrefix=foia-`,
        )
      ).json()) as { instanceId: string; input: { documentName: string } }[];
      const mine = list.filter((i) => i.input?.documentName?.startsWith('memo') && !i.instanceId.includes(':'));
      return mine.length === 2 ? mine : undefined;
    },
    30_000,
  );
  const pdfRun = instances.find((i) => i.input.documentName === 'memo.pdf')!.instanceId;

  const { items, rejected } = await reviewInBrowser(pdfRun, {
    text: 'County Hospital',
    category: 'MEDICAL',
    reason: 'identifies where the informant is treated',
  });
  assert.ok(items.length >= 10);
  const done = await durableApi(host).until(pdfRun, undefined, 30_000);
  assert.equal((done.output as { outcome: string }).outcome, 'released');
  const released = blobService().getContainerClient('foia-released');
  const text = (await released.getBlockBlobClient('REQ-2026-0042/memo.redacted.txt').downloadToBuffer()).toString(
    'utf8',
  );
  const releasedPdf = await extractText(
    'released.pdf',
    await released.getBlockBlobClient('REQ-2026-0042/memo.redacted.pdf').downloadToBuffer(),
  );
  for (const secret of [
    '123-45-6789',
    'carlos.mendez@example.com',
    '(217) 555-0142',
    'Satellite imagery',
    'pole camera',
    'County Hospital',
    'diagnosed with diabetes',
  ]) {
    assert.ok(!text.includes(secret), `"${secret}" survived in the released text`);
    assert.ok(!releasedPdf.text.includes(secret), `"${secret}" survived in the released PDF`);
  }
  assert.ok(releasedPdf.text.includes('unit cost'), 'the rejected recommendation was released');
  assert.equal(rejected.category, 'COMMERCIAL');
  const index = (await released.getBlockBlobClient('REQ-2026-0042/memo.index.csv').downloadToBuffer()).toString('utf8');
  assert.equal(
    index.trim().split('\n').length - 1,
    items.length - 1 + 1,
    'every accepted and added redaction is indexed',
  );
  assert.match(index, /MEDICAL,\(b\)\(6\),identifies where the informant is treated/);
  const indexPdf = await extractText(
    'index.pdf',
    await released.getBlockBlobClient('REQ-2026-0042/memo.index.pdf').downloadToBuffer(),
  );
  assert.match(indexPdf.text, /Redaction index \(Vaughn\) - memo\.pdf/);
  assert.deepEqual(
    (done.output as { files: string[] }).files.map((f) => f.split('/').pop()),
    ['memo.redacted.txt', 'memo.redacted.pdf', 'memo.index.csv', 'memo.index.pdf'],
  );
  assert.ok(
    server.requests().every((r) => r.endpoint === 'usgovvirginia'),
    'FOIA stays in data-zone:usgov',
  );

  const audit = await verifyTodaysAudit();

  assert.equal(audit.ok, true, JSON.stringify(audit.problems[0]));
});

test('an unreadable file is moved to foia-rejected with its reason; nothing is dropped', async () => {
  const inbox = blobService().getContainerClient('foia-inbox');
  await inbox.createIfNotExists();
  await inbox.getBlockBlobClient('REQ-2026-0099/scan.pdf').upload('this is not a pdf', 17);
  const rejected = blobService().getContainerClient('foia-rejected');
  const reason = await waitFor(
    'the rejection reason',
    async () => {
      try {
        return (await rejected.getBlockBlobClient('REQ-2026-0099/scan.pdf.reason.txt').downloadToBuffer()).toString(
          'utf8',
        );
      } catch {
        return undefined;
      }
    },
    30_000,
  );
  assert.match(reason, /^foia-inbox\/REQ-2026-0099\/scan\.pdf: scan\.pdf: is not a PDF/);
});
