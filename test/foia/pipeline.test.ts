import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { Document, Packer, Paragraph } from 'docx';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { RunningHost } from '../../local/host/index';
import type { RunningModelServer } from '../../local/model/server';
import { chunkText } from '../../shared/foia/chunks';
import { occurrences } from '../../shared/foia/occurrences';
import { CHUNK_WAVE } from '../../workflows/foia/names';
import { caseFile } from '../fixtures/foia/case-file';
import { callApp, outbox, startAppHost } from '../support/app-host';
import { asReviewer } from '../support/browser';
import { durableApi } from '../support/durable';
import { endpointsOf, localModelServer } from '../support/model';
import { submitReview } from '../support/review-form';
import { blobService, verifyTodaysAudit, waitFor } from '../support/storage';
import { resultsOf } from './history';
import { assertNoneSurvive, draftOf, releasedFiles } from './released';

const memo = readFileSync(path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'foia', 'memo.txt'), 'utf8');
const hub = `FoiaHub${Date.now().toString(36)}`;
let server: RunningModelServer;
let host: RunningHost;

before(async () => {
  server = await localModelServer();
  host = await startAppHost(
    hub,
    {
      MODEL_ENDPOINTS: JSON.stringify(endpointsOf(server)),
      MODEL_API_KEY: server.apiKey,
      FOIA_REDACT_OFFICIALS: 'true',
    },
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

const reviewLink = (instanceId: string) =>
  waitFor(
    'the review link',
    async () =>
      (await outbox()).find((n) => n.instanceId === `${instanceId}:review` && n.kind === 'review-requested')?.url,
    30_000,
  );

test('PDF and DOCX dropped in the inbox: recommendations, review (reject, add, change an exemption), truly redacted release with an index', async () => {
  const meta = await callApp(host, 'foia/requests', {
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
  const copy = memo.replace('Harbor district', 'Harbor district (copy)');
  const docx = await Packer.toBuffer(
    new Document({ sections: [{ children: copy.split('\n').map((l) => new Paragraph(l)) }] }),
  );
  await inbox.getBlockBlobClient('REQ-2026-0042/memo-copy.docx').upload(docx, docx.length);

  const instances = await waitFor(
    'two FOIA runs',
    async () => {
      const list = (await (
        await fetch(
          `${host.url}/runtime/webhooks/durabletask/instances/?code=${host.keys.system}&instanceIdPrefix=foia-`,
        )
      ).json()) as { instanceId: string; input: { documentName: string; requestId: string } }[];
      // Other suites drop documents into the same shared inbox: only this request's two files count.
      const mine = list.filter(
        (i) =>
          i.input?.requestId === 'REQ-2026-0042' &&
          ['memo.pdf', 'memo-copy.docx'].includes(i.input.documentName) &&
          !i.instanceId.includes(':'),
      );
      return mine.length === 2 ? mine : undefined;
    },
    30_000,
  );
  const runOf = (name: string) => instances.find((i) => i.input.documentName === name)!.instanceId;

  // PDF: the legal reviewer in Chromium rejects the commercial item and adds a redaction by its text.
  const pdfRun = runOf('memo.pdf');
  const pdfUrl = await reviewLink(pdfRun);
  const pdfDraft = await draftOf(pdfRun);
  assert.ok(pdfDraft.recommendations.length >= 10);
  assert.ok(
    pdfDraft.recommendations.some((r) => r.text === 'Jane Doe'),
    'FOIA_REDACT_OFFICIALS=true reaches detection: the official is proposed for redaction',
  );
  const commercial = pdfDraft.recommendations.find((r) => r.category === 'COMMERCIAL')!;
  await asReviewer(pdfUrl, 'foia-review.png', async (page) => {
    await page.locator(`input[name="item-${commercial.id}"][value="reject"]`).check();
    // The reviewer selects the words in the document; the page's script puts them in the box.
    await page.evaluate((words) => {
      const pre = document.getElementById('document')!;
      const walker = document.createTreeWalker(pre, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent!.indexOf(words);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + words.length);
        getSelection()!.removeAllRanges();
        getSelection()!.addRange(range);
        pre.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
        return;
      }
    }, 'County Hospital');
    assert.equal(
      await page.getByLabel('Exact text to redact (select it in the document)').inputValue(),
      'County Hospital',
    );
    await page.getByLabel('Category', { exact: true }).selectOption('MEDICAL');
    await page.getByLabel('Reason', { exact: true }).fill('identifies where the informant is treated');
    await page.getByRole('button', { name: 'Save my edits and approve' }).click();
  });

  // DOCX: the reviewer posts the form: changes the phone's exemption and adds a name that occurs three times.
  const docxRun = runOf('memo-copy.docx');
  const docxUrl = await reviewLink(docxRun);
  const docxDraft = await draftOf(docxRun);
  const phone = docxDraft.recommendations.find((r) => r.category === 'PHONE')!;
  const posted = await submitReview(docxUrl, {
    decision: 'modify',
    [`exemption-${phone.id}`]: '(b)(7)(C)',
    addText: 'Mendez',
    addCategory: 'PERSON_PRIVATE',
    addReason: 'name of the confidential informant',
  });
  assert.equal(posted.status, 200, posted.html);

  const api = durableApi(host);
  for (const [run, name, draft, rejected, added] of [
    [pdfRun, 'memo', pdfDraft, [commercial.id], 'County Hospital'],
    [docxRun, 'memo-copy', docxDraft, [], 'Mendez'],
  ] as const) {
    const done = await api.until(run, undefined, 30_000);
    assert.equal((done.output as { outcome: string }).outcome, 'released');
    assert.deepEqual(
      (done.output as { files: string[] }).files.map((f) => f.split('/').pop()),
      [`${name}.redacted.txt`, `${name}.redacted.pdf`, `${name}.index.csv`, `${name}.index.pdf`],
    );
    const accepted = draft.recommendations.filter((r) => !(rejected as readonly string[]).includes(r.id));
    const files = await releasedFiles(`REQ-2026-0042/${name}`);
    assertNoneSurvive(files, [...accepted.map((r) => r.text), added]);
    const rows = files['index.csv']!.trim().split('\n').length - 1;
    assert.equal(rows, accepted.length + occurrences(draft.text, added).length, 'every redaction is indexed');
  }

  const pdfFiles = await releasedFiles('REQ-2026-0042/memo');
  assert.ok(pdfFiles['redacted.pdf']!.includes('unit cost'), 'the rejected recommendation was released');
  assert.match(pdfFiles['index.csv']!, /MEDICAL,\(b\)\(6\),identifies where the informant is treated/);
  assert.match(pdfFiles['index.pdf']!, /Redaction index \(Vaughn\) - memo\.pdf/);
  const docxFiles = await releasedFiles('REQ-2026-0042/memo-copy');
  assert.match(
    docxFiles['redacted.txt']!,
    /reached at \[\(b\)\(7\)\(C\)\] or/,
    'the changed exemption marks the deletion',
  );
  assert.match(
    docxFiles['index.csv']!,
    /PHONE,\(b\)\(7\)\(C\),[^\n]*the reviewer cited \(b\)\(7\)\(C\) instead of \(b\)\(6\)/,
  );
  assert.equal(occurrences(docxFiles['index.csv']!, 'name of the confidential informant').length, 3);

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

interface Progress {
  stage: string;
  chunksDone?: number;
  chunksTotal?: number;
}

test('a 300-page document reaches review in waves: custom status counts chunks done, no payload beyond a wave', async () => {
  const text = caseFile(300);
  const chunksTotal = chunkText(text).length;
  const instanceId = `foia-${createHash('sha256').update(text).digest('hex').slice(0, 40)}`;
  const seen: Progress[] = [];
  // Slower model answers keep each wave visible to a status poll for a while.
  server.setFault('usgovvirginia', { latencyMs: 150 });
  try {
    await blobService()
      .getContainerClient('foia-inbox')
      .getBlockBlobClient('REQ-2026-0300/case-file.txt')
      .upload(text, Buffer.byteLength(text));
    await durableApi(host).until(
      instanceId,
      (s) => {
        const progress = s.customStatus as Progress | null;
        if (progress) seen.push(progress);
        return progress?.stage === 'awaiting-review' || !['Running', 'Pending', 'NotFound'].includes(s.runtimeStatus);
      },
      120_000,
    );
  } finally {
    server.clearFaults();
  }
  assert.ok(chunksTotal > 30, `${chunksTotal} chunks`);
  assert.deepEqual(seen.at(-1), {
    ...seen.at(-1),
    stage: 'awaiting-review',
    chunksDone: chunksTotal,
    chunksTotal,
  });
  const counts = seen.filter((p) => p.stage === 'model-review').map((p) => p.chunksDone!);
  assert.ok(
    counts.some((n) => n > 0 && n < chunksTotal),
    `progress was visible while the model worked: ${JSON.stringify([...new Set(counts)])}`,
  );
  assert.deepEqual(
    counts,
    [...counts].sort((a, b) => a - b),
    'progress only moves forward',
  );

  const history = await durableApi(host).status(instanceId, '&showHistory=true&showHistoryOutput=true');
  const waves = Array.from({ length: Math.ceil(chunksTotal / CHUNK_WAVE) }, (_, i) =>
    Math.min(chunksTotal, (i + 1) * CHUNK_WAVE),
  );
  assert.deepEqual(resultsOf(history, 'storeFoiaChunkAnswers'), waves, 'chunks done after each wave');
  assert.ok(
    resultsOf(history, 'buildFoiaModelRequests').every((r) => (r as unknown[]).length <= CHUNK_WAVE),
    'no activity carries more than a wave of prompts',
  );

  // The engine keeps every payload over 30 KB (activity inputs and results included) as a blob of the hub.
  let largest = 0;
  const payloads = blobService().getContainerClient(`${hub.toLowerCase()}-largemessages`);
  for await (const blob of payloads.listBlobsFlat()) largest = Math.max(largest, blob.properties.contentLength ?? 0);
  assert.ok(largest < 128 * 1024, `the largest payload is ${Math.round(largest / 1024)} KB`);
  const draft = await draftOf(instanceId);
  assert.ok(draft.recommendations.filter((r) => r.category === 'SSN').length >= 300, 'every page is covered');
});
