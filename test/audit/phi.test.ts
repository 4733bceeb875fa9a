import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { TableClient } from '@azure/data-tables';
import type { RunningHost } from '../../local/host/index';
import type { RunningModelServer } from '../../local/model/server';
import { auditHeadKey } from '../../shared/audit/index';
import { parseChainBlobName } from '../../shared/audit/segments';
import { verifyAudit } from '../../shared/audit/verify';
import { readAuditConfig } from '../../shared/config/audit';
import { callApp, repoRoot, startAppHost } from '../support/app-host';
import { endpointsOf, localModelServer } from '../support/model';
import { blobService, testStorage } from '../support/storage';
import { foiaRun, radiologyRun } from './phi-runs';

const fixture = (...parts: string[]) => readFileSync(path.join(repoRoot, 'test', 'fixtures', ...parts), 'utf8');
const study = JSON.parse(fixture('radiology', 'chest-ct-critical.json'));
const memo = fixture('foia', 'memo.txt');
const documents = JSON.parse(fixture('foia', 'eval', 'documents.json')) as {
  id: string;
  text: string;
  gold: [string, string][];
}[];
const PERSONAL = new Set(['PERSON_PRIVATE', 'DOB', 'ADDRESS', 'PHONE', 'SSN', 'EMAIL', 'FINANCIAL_ACCOUNT', 'MEDICAL']);

// Unique per run: the accession and the document hashes are run keys, and other suites use the same fixtures.
const tag = Date.now().toString(36);
const accession = `ACC-PHI-${tag}`.toUpperCase();
const requestId = `REQ-PHI-${tag}`.toUpperCase();
const container = blobService().getContainerClient(`audit-phi-${tag}`);
const headsTable = `auditheadsphi${tag}`;
let server: RunningModelServer;
let host: RunningHost;

before(async () => {
  server = await localModelServer();
  host = await startAppHost(`AuditPhi${tag}`, {
    MODEL_ENDPOINTS: JSON.stringify(endpointsOf(server)),
    MODEL_API_KEY: server.apiKey,
    RADIOLOGY_REVIEWER: 'dr.byrne@hospital.example',
    ENCLAVE_KEYS_DIR: mkdtempSync(path.join(tmpdir(), 'enclave-keys-')),
    AUDIT_CONTAINER: container.containerName,
    AUDIT_HEADS_TABLE: headsTable,
  });
});
after(async () => {
  await host?.stop();
  await server?.stop();
});

test('the audit records the real radiology and FOIA runs write hold no name, MRN, DOB, SSN, address or prompt text', async () => {
  const meta = await callApp(host, 'foia/requests', {
    method: 'POST',
    body: JSON.stringify({ requestId, requester: 'Daniel Whitfield', receivedDate: '2026-11-20' }),
  });
  assert.equal(meta.status, 201);
  const note = 'Discussed with Dr. Patel and Margaret O Connell (MRN-00482913) at 14:10; chest drain advised.';
  const runs = await Promise.all([
    radiologyRun(host, { ...study, accessionNumber: accession }, note),
    foiaRun(host, requestId, 'memo.txt', `${memo}\nFile copy ${tag}.\n`),
    ...documents.map((d) => foiaRun(host, requestId, `${d.id}.txt`, `${d.text}\nFile copy ${tag}.\n`)),
  ]);
  assert.deepEqual(
    runs.map((r) => (r.status.output as { outcome?: string }).outcome),
    ['modified', ...Array(documents.length + 1).fill('released')],
  );

  const days = new Set<string>();
  let stored = '';
  for await (const blob of container.listBlobsFlat()) {
    days.add(parseChainBlobName(blob.name)!.day);
    stored += (await container.getBlobClient(blob.name).downloadToBuffer()).toString('utf8');
  }
  const records = stored
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  for (const run of runs) {
    const kinds = new Set(records.filter((r) => r.instanceId === run.instanceId).map((r) => r.kind));
    assert.deepEqual([...kinds].sort(), ['model-call', 'pipeline'], `${run.instanceId} was audited`);
    assert.ok(
      records.some((r) => r.kind === 'review' && String(r.instanceId).startsWith(`${run.instanceId}:review`)),
      `${run.instanceId}'s review was audited`,
    );
  }

  const secrets = [
    study.patient.name,
    'Margaret',
    "O'Connell",
    'O Connell',
    study.patient.mrn,
    study.patient.dob,
    study.referringPhysician,
    'Patel',
    '021 555 0142',
    '22/11/2026',
    'Daniel Whitfield',
    'Carlos Mendez',
    'Mendez',
    'Maria Ruiz',
    '123-45-6789',
    '1600 Elm Street',
    '(217) 555-0142',
    'carlos.mendez@example.com',
    'diabetes',
    ...documents.flatMap((d) => d.gold.filter(([, kind]) => PERSONAL.has(kind)).map(([text]) => text)),
  ];
  for (const secret of secrets) assert.ok(!stored.includes(secret), `stored audit bytes contain "${secret}"`);

  // Prompt text: no 24-character stretch of any message the model received appears in the audit bytes.
  const prompts = server.requests().flatMap((r) => r.messages.map((m) => String(m.content)));
  assert.ok(prompts.length >= documents.length + 2, 'every run reached the model');
  const leaks = new Set<string>();
  for (const prompt of prompts)
    for (let i = 0; i + 24 <= prompt.length; i += 4) {
      const window = prompt.slice(i, i + 24);
      if (/\w{3}/.test(window) && stored.includes(window)) leaks.add(window);
    }
  assert.deepEqual([...leaks], []);

  // The ACR critical-result communication record keeps its finding (DESIGN, "Radiology"): the only clinical text.
  const withFinding = records.filter((r) => JSON.stringify(r).includes('pneumothorax'));
  assert.deepEqual(
    withFinding.map((r) => [r.event, r.detail]),
    [['critical-notified', 'ACR 1 tension pneumothorax']],
  );
  // Known and accepted: the accession number is the run key (DESIGN), so it is in instance and subject ids.
  assert.ok(stored.includes(`radiology-${accession}`));

  const sorted = [...days].sort();
  const heads = TableClient.fromConnectionString(testStorage(), headsTable, { allowInsecureConnection: true });
  const verified = await verifyAudit(container, heads, sorted[0]!, sorted.at(-1)!, auditHeadKey(readAuditConfig({})));
  assert.equal(verified.ok, true, JSON.stringify(verified.problems[0]));
  assert.equal(verified.records, records.length);
});
