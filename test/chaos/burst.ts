import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { foiaInstanceId } from '../../workflows/foia/instance-id';
import { repoRoot } from '../support/app-host';
import { radiologyStudy } from './inputs';
import { instancesWithPrefix, outbox, type Summary, seconds, sleep } from './observe';
import type { ChaosStack } from './stack';

const FOIA_REQUEST = 'BURST-FOIA';

function foiaTexts(): string[] {
  const memo = readFileSync(path.join(repoRoot, 'test', 'fixtures', 'foia', 'memo.txt'), 'utf8');
  const labelled = JSON.parse(
    readFileSync(path.join(repoRoot, 'test', 'fixtures', 'foia', 'eval', 'documents.json'), 'utf8'),
  ) as { text: string }[];
  return [memo, ...labelled.map((d) => d.text)];
}

async function pdfOf(text: string): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const lines = text.split('\n').flatMap((l) => l.match(/.{1,110}(\s|$)/g) ?? ['']);
  for (let start = 0; start < lines.length; start += 50) {
    const page = doc.addPage([612, 792]);
    lines.slice(start, start + 50).forEach((line, i) => {
      page.drawText(line.replace(/[^\x20-\x7e]/g, ' '), { x: 40, y: 750 - i * 14, size: 9, font });
    });
  }
  return Buffer.from(await doc.save());
}

const docxOf = (text: string) =>
  Packer.toBuffer(new Document({ sections: [{ children: text.split('\n').map((l) => new Paragraph(l)) }] }));

/** `foia` documents (txt, with every tenth a PDF and every tenth a DOCX) and `radiology` studies, written to `dir`. */
/** Writes the burst's files; answers the FOIA runs they start (one per document, keyed by its bytes). */
async function writeBurst(dir: string, foia: number, radiology: number): Promise<Set<string>> {
  const texts = foiaTexts();
  const foiaRuns = new Set<string>();
  mkdirSync(path.join(dir, 'foia'));
  mkdirSync(path.join(dir, 'radiology'));
  for (let i = 0; i < foia; i++) {
    // A line of its own makes each document (and so its run, keyed by the document's hash) distinct.
    const text = `Release batch document ${i + 1} of ${foia}.\n${texts[i % texts.length]}`;
    const name = `doc-${String(i).padStart(4, '0')}`;
    const [bytes, ext] =
      i % 10 === 0
        ? [await pdfOf(text), 'pdf']
        : i % 10 === 5
          ? [await docxOf(text), 'docx']
          : [Buffer.from(text), 'txt'];
    writeFileSync(path.join(dir, 'foia', `${name}.${ext}`), bytes);
    foiaRuns.add(foiaInstanceId(bytes));
  }
  for (let i = 0; i < radiology; i++)
    writeFileSync(
      path.join(dir, 'radiology', `study-${String(i).padStart(4, '0')}.json`),
      JSON.stringify(radiologyStudy(`ACC-BURST-${i}`)),
    );
  return foiaRuns;
}

/** Runs `enclave submit …` against the stack; answers its exit code, its summary line and its last progress line. */
export function enclaveSubmit(stack: ChaosStack, args: string[]) {
  return new Promise<{ code: number | null; summary: unknown; progress: string; lines: string[] }>((resolve) => {
    const child = spawn(
      process.execPath,
      [path.join(repoRoot, 'dist', 'cli', 'main.js'), 'submit', ...args, '--json'],
      {
        env: { ...process.env, AzureWebJobsStorage: stack.azurite.connectionString, ENCLAVE_HOST_URL: stack.host.url },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
    });
    child.on('exit', (code) => {
      const lines = out.trim().split('\n');
      const summaryLine = lines.at(-1) ?? '{}';
      const progress =
        err
          .split(/[\r\n]/)
          .filter((l) => l.startsWith('submitting'))
          .at(-1) ?? '';
      resolve({ code, summary: (JSON.parse(summaryLine) as { summary?: unknown }).summary, progress, lines });
    });
  });
}

const quantile = (sorted: number[], q: number) =>
  sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

/**
 * `foia` FOIA documents and `radiology` studies dropped at once through `enclave submit` (progress bar on stderr);
 * every run must reach review. Reports throughput, p50/p99 time to "ready for review" and the host's peak memory.
 */
export async function burst(stack: ChaosStack, foia = 1000, radiology = 500, timeoutMs = 600_000): Promise<Summary> {
  const dir = mkdtempSync(path.join(tmpdir(), 'enclave-burst-'));
  try {
    const foiaRuns = await writeBurst(dir, foia, radiology);
    const started = Date.now();
    const [foiaSubmit, radiologySubmit] = await Promise.all([
      enclaveSubmit(stack, [
        'foia',
        FOIA_REQUEST,
        path.join(dir, 'foia'),
        '--requester',
        'burst.tester@agency.example',
        '--received',
        '2026-11-30',
        '--concurrency',
        '32',
      ]),
      enclaveSubmit(stack, ['radiology', path.join(dir, 'radiology'), '--concurrency', '32']),
    ]);
    const submitSeconds = seconds(started);
    const ready = new Map<string, number>();
    const deadline = Date.now() + timeoutMs;
    while (ready.size < foia + radiology && Date.now() < deadline) {
      await sleep(2000);
      for (const n of await outbox(stack)) {
        if (n.kind !== 'review-requested') continue;
        if (n.subjectId !== FOIA_REQUEST && !n.subjectId.startsWith('ACC-BURST-')) continue;
        const run = n.instanceId.replace(/:review.*$/, '');
        if (!ready.has(run)) ready.set(run, Date.parse(n.at) - started);
      }
    }
    const allSeconds = seconds(started);
    const runs = [
      ...(await instancesWithPrefix(stack, 'radiology-ACC-BURST-')),
      ...(await instancesWithPrefix(stack, 'foia-')).filter((i) => foiaRuns.has(i.instanceId)),
    ];
    const failed = runs.filter((i) => i.runtimeStatus === 'Failed').length;
    // Not ready by the deadline is either still working (a slow machine) or lost (no run, or a run that ended without a review).
    const stillWorking = runs.filter(
      (i) => !ready.has(i.instanceId) && ['Running', 'Pending'].includes(i.runtimeStatus),
    ).length;
    const times = [...ready.values()].sort((a, b) => a - b);
    return {
      scenario: 'burst',
      runsStarted: foia + radiology,
      submitted: { foia: foiaSubmit.summary, radiology: radiologySubmit.summary },
      submitExitCodes: [foiaSubmit.code, radiologySubmit.code],
      progressBar: foiaSubmit.progress,
      readyForReview: ready.size,
      failed,
      stillWorking,
      lost: Math.max(0, foia + radiology - ready.size - stillWorking - failed),
      submitSeconds,
      runsPerSecond: Number((ready.size / allSeconds).toFixed(1)),
      secondsToReadyP50: Number((quantile(times, 0.5) / 1000).toFixed(1)),
      secondsToReadyP99: Number((quantile(times, 0.99) / 1000).toFixed(1)),
      hostPeakMemoryMb: stack.hostPeakMemoryMb(),
      seconds: allSeconds,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
