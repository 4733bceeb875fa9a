import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { radiologyDraftEngine } from '../../local/model/engines/radiology';
import { MemoryAuditSink } from '../../shared/audit/memory-sink';
import { CRITICAL_RULES } from '../../shared/radiology/critical';
import { deidentify } from '../../shared/radiology/deidentify';
import { type FinetuneRecord, finetuneRecord } from '../../shared/radiology/finetune';
import { buildDraftPrompt } from '../../shared/radiology/prompt';
import { type DraftReport, draftReportSchema, reportSections } from '../../shared/radiology/report';
import { localKeySigner } from '../../shared/radiology/signing-local';
import { studySchema } from '../../shared/radiology/study';
import { createRadiologyActivities, type RadiologyDeps } from '../../workflows/radiology/activities';
import { appendOnce } from '../../workflows/radiology/finetune-log';
import { SIGNED_CONTAINER, STUDIES_CONTAINER } from '../../workflows/radiology/names';
import { enclave } from '../support/cli';
import { blobService, testStorage } from '../support/storage';
import { FIXTURE_PHI } from './fixture-phi';

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

const study = studySchema.parse(
  JSON.parse(
    readFileSync(
      path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'radiology', 'chest-ct-critical.json'),
      'utf8',
    ),
  ),
);
/** What the radiologist typed while editing: names, a date and a phone number the input never had. */
const TYPED_PHI = ['Alan Whitfield', 'Whitfield', '2026/11/24', '021 555 0199', "margaret o'connell"];

async function modelDraft(): Promise<DraftReport> {
  const prompt = buildDraftPrompt(deidentify(study).study);
  const reply = await radiologyDraftEngine({
    deployment: 'radiology-draft',
    messages: prompt.messages,
    responseFormat: prompt.responseFormat,
  });
  return draftReportSchema.parse(JSON.parse(reply.content));
}

function editedSections(draft: DraftReport, mapping: Record<string, string>) {
  const sections = reportSections(draft);
  const reidentified = Object.fromEntries(
    Object.entries(sections).map(([k, v]) => [k, v.replace(/\[[A-Z_]+(?:_\d+)?\]/g, (p) => mapping[p] ?? p)]),
  ) as typeof sections;
  return {
    ...reidentified,
    impression: `${reidentified.impression}\nDiscussed with Dr. Alan Whitfield on 2026/11/24 at 14:10 (021 555 0199); margaret o'connell informed.`,
  };
}

test('a fine-tuning line is chat format with the signed final as the answer and the draft beside it, and carries no PHI', async () => {
  const draft = await modelDraft();
  const { mapping } = deidentify(study);
  const record: FinetuneRecord = finetuneRecord(study, draft, editedSections(draft, mapping), true);
  const line = JSON.stringify(record);
  for (const phi of [...FIXTURE_PHI, ...TYPED_PHI])
    assert.ok(!line.toLowerCase().includes(phi.toLowerCase()), `the fine-tuning line contains "${phi}"`);

  assert.deepEqual(
    record.messages.map((m) => m.role),
    ['system', 'user', 'assistant'],
  );
  assert.equal(record.messages[1]!.content, buildDraftPrompt(deidentify(study).study).messages[1]!.content);
  const signed = draftReportSchema.parse(JSON.parse(record.messages[2]!.content));
  assert.match(signed.impression[0]!, /^CRITICAL: Right tension pneumothorax/);
  assert.equal(
    signed.impression.at(-1),
    'Discussed with [PERSON_2] on [DATE_3] at 14:10 ([PHONE_2]); [PATIENT_NAME] informed.',
  );
  assert.ok(signed.findings.some((f) => f.system === 'Pleura' && /Right tension pneumothorax/.test(f.text)));

  const drafted = draftReportSchema.parse(JSON.parse(record.metadata.draft));
  assert.deepEqual(drafted, draft, 'the model draft, as it came back');
  assert.deepEqual([record.metadata.kind, record.metadata.edited], ['draft-and-signed', true]);
  assert.ok(!drafted.impression.some((i) => i.includes('Discussed with')), 'the draft is not the final');
});

/** The real activities on Azurite, from study to filed report, with the local engine standing in for the model. */
async function signedOnce(accession: string, decidedAt: string) {
  const blobs = blobService();
  const deps: RadiologyDeps = {
    studies: blobs.getContainerClient(STUDIES_CONTAINER),
    drafts: blobs.getContainerClient('review-drafts'),
    signed: blobs.getContainerClient(SIGNED_CONTAINER),
    finetune: blobs.getContainerClient('finetune'),
    audit: new MemoryAuditSink(),
    notifier: { send: async () => {} },
    signer: async () => localKeySigner(mkdtempSync(path.join(tmpdir(), 'enclave-keys-'))),
    criticalRules: CRITICAL_RULES,
  };
  const activities = createRadiologyActivities(deps);
  await deps.studies.createIfNotExists();
  const mine = JSON.stringify({ ...study, accessionNumber: accession });
  await deps.studies.getBlockBlobClient(`${accession}.json`).upload(mine, Buffer.byteLength(mine));
  const run = {
    accession,
    studyRef: `${accession}.json`,
    requestedBy: 'pacs',
    ipAddress: '127.0.0.1',
    reviewer: 'dr.byrne@hospital.example',
    backupReviewer: 'duty@hospital.example',
    residency: 'single-region:westeurope',
  };
  const instanceId = `radiology-${accession}`;
  const prepared = await activities.prepareRadiologyDraft({ run, instanceId });
  const request = prepared.modelRequest as { messages: { role: 'system' | 'user'; content: string }[] };
  const reply = await radiologyDraftEngine({ deployment: 'radiology-draft', messages: request.messages });
  const draft = await activities.finishRadiologyDraft({ run, instanceId, prepared, model: JSON.parse(reply.content) });
  const { mapping } = deidentify(studySchema.parse(JSON.parse(mine)));
  const sections = editedSections(draftReportSchema.parse(JSON.parse(reply.content)), mapping);
  const sign = () =>
    activities.signAndFileRadiologyReport({
      run,
      instanceId,
      draftRef: draft.draftRef,
      mappingRef: prepared.mappingRef,
      sections,
      signer: 'dr.byrne@hospital.example',
      decidedAt,
    });
  return { deps, sign };
}

const linesFor = async (file: string, accession: string) => {
  const log = blobService().getContainerClient('finetune').getAppendBlobClient(file);
  const text = (await log.downloadToBuffer()).toString('utf8');
  const lines = text.split('\n').filter(Boolean);
  assert.ok(
    lines.every((l) => !l.includes(accession)),
    'the accession number never reaches the file',
  );
  return lines;
};

test('signing appends the pair once: a replay and a crash between the append and its mark leave one line; export counts it', async () => {
  const month = '2031-07';
  const file = `radiology/${month}.jsonl`;
  const first = `ACC-FT-${Date.now().toString(36)}`;
  const { deps, sign } = await signedOnce(first, `${month}-15T10:00:00.000Z`);
  assert.equal((await sign()).alreadyFiled, false);
  assert.equal((await sign()).alreadyFiled, true, 'a replay files nothing twice');
  assert.equal((await linesFor(file, first)).length, 1);

  const pair = deps.finetune.getBlockBlobClient(`radiology/pairs/${sha(first)}.json`);
  const marked = await pair.getProperties();
  assert.equal(marked.metadata?.appended, 'true');
  await pair.setMetadata({ offset: marked.metadata!.offset! }); // the crash: appended, never marked
  await sign();
  assert.equal((await linesFor(file, first)).length, 1, 'the line is found, not appended again');

  const second = `${first}-2`;
  const other = await signedOnce(second, `${month}-16T09:00:00.000Z`);
  const pending = other.deps.finetune.getBlockBlobClient(`radiology/pairs/${sha(second)}.json`);
  await other.sign();
  const line = JSON.parse((await pending.downloadToBuffer()).toString('utf8')).line as string;
  const lines = await linesFor(file, second);
  assert.equal(lines.length, 2);
  assert.equal(`${lines[1]}\n`, line, 'the pair record holds exactly the appended bytes');

  const export_ = enclave(['finetune', 'export', 'radiology', '--json'], { AzureWebJobsStorage: testStorage() });
  assert.equal(export_.code, 0, export_.stderr);
  const counts = JSON.parse(export_.stdout) as { files: { path: string; examples: number; edited: number }[] };
  assert.deepEqual(
    counts.files.find((f) => f.path === `finetune/${file}`),
    { path: `finetune/${file}`, examples: 2, edited: 2 },
  );
  const text = enclave(['finetune', 'export', 'radiology'], { AzureWebJobsStorage: testStorage() });
  assert.match(
    text.stdout,
    new RegExp(`^finetune/radiology/${month}\\.jsonl  2 example\\(s\\), 2 edited by the radiologist$`, 'm'),
  );
});

test('a crash after the pair record but before the append still appends, once', async () => {
  const container = blobService().getContainerClient('finetune');
  await container.createIfNotExists();
  const file = 'radiology/2031-08.jsonl';
  const pairName = `radiology/pairs/crash-${Date.now().toString(36)}.json`;
  const line = '{"messages":[],"metadata":{"draft":"{}"}}\n';
  const body = JSON.stringify({ file, line });
  await container.getBlockBlobClient(pairName).upload(body, Buffer.byteLength(body));
  await container.getBlockBlobClient(pairName).setMetadata({ offset: '0' });
  assert.equal(await appendOnce(container, pairName, file, 'ignored: the stored line wins\n'), true);
  assert.equal(await appendOnce(container, pairName, file, line), false);
  assert.equal((await container.getAppendBlobClient(file).downloadToBuffer()).toString('utf8'), line);
});
