import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { RunningHost } from '../../local/host/index';
import type { RunningModelServer } from '../../local/model/server';
import { callApp, outbox, startAppHost } from '../support/app-host';
import { durableApi } from '../support/durable';
import { endpointsOf, localModelServer } from '../support/model';
import { blobService, waitFor } from '../support/storage';

const fixtures = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'radiology');
// Own accession numbers: the studies container is shared with pipeline.test.ts, whose JSON study owns ACC-2026-118842.
// The order's note repeats PID's other identifier and address, so their removal is tested, not only their absence.
const hl7 = readFileSync(path.join(fixtures, 'chest-ct-orm.hl7'), 'utf8')
  .replaceAll('ACC-2026-118842', 'ACC-2026-HL7001')
  .replace('history of smoking.', 'history of smoking. NHS number 9434765919, lives at 12 Harbour Road, Cork.');
const bundle = readFileSync(path.join(fixtures, 'chest-ct-bundle.fhir.json'), 'utf8')
  .replaceAll('ACC-2026-118842', 'ACC-2026-FHIR01')
  .replace('history of smoking.', 'history of smoking. NHS number 9434765919.');
/** Everything identifying in PID / Patient, in the forms a sender writes it. */
const PHI = [
  "O'Connell",
  'Margaret',
  'MRN-00482913',
  '9434765919',
  '1957-03-14',
  '19570314',
  '12 Harbour Road',
  '555 0142',
  'Patel',
  '22/11/2026',
];

let server: RunningModelServer;
let host: RunningHost;

before(async () => {
  server = await localModelServer();
  host = await startAppHost(
    `RadiologyStd${Date.now().toString(36)}`,
    {
      MODEL_ENDPOINTS: JSON.stringify(endpointsOf(server)),
      MODEL_API_KEY: server.apiKey,
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

/** Waits for the run's review request and checks that no PHI reached any prompt of that run. */
async function draftedWithoutPhi(instanceId: string, accession: string) {
  const requested = await waitFor(
    `the review request of ${instanceId}`,
    async () => (await outbox()).find((n) => n.instanceId === `${instanceId}:review` && n.kind === 'review-requested'),
    30_000,
  );
  assert.ok(requested.url);
  const critical = (await outbox()).find((n) => n.instanceId === instanceId && n.kind === 'critical-result');
  assert.match(critical?.title ?? '', /tension pneumothorax \(ACR 1\)/, 'the critical finding in the text was seen');
  const sent = JSON.stringify(server.requests().map((c) => c.messages));
  assert.match(sent, /tension pneumothorax/i, 'the findings reached the prompt');
  for (const phi of [...PHI, accession]) assert.ok(!sent.includes(phi), `PHI "${phi}" reached the model`);
  const status = await durableApi(host).until(
    instanceId,
    (s) => (s.customStatus as { stage?: string })?.stage === 'awaiting-review',
    30_000,
  );
  assert.equal(status.runtimeStatus, 'Running');
}

test('an HL7 v2 ORM^O01 through HTTP is drafted from de-identified text; a bad one is answered 400 naming the field', async () => {
  server.clearRequests();
  const post = (body: string, type: string) =>
    callApp(host, 'radiology/studies', { method: 'POST', body, headers: { 'content-type': type } });
  const accepted = await post(hl7.replaceAll('\r', '\n'), 'x-application/hl7-v2+er7');
  assert.equal(accepted.status, 202, await accepted.clone().text());
  assert.equal(((await accepted.json()) as { instanceId: string }).instanceId, 'radiology-ACC-2026-HL7001');
  await draftedWithoutPhi('radiology-ACC-2026-HL7001', 'ACC-2026-HL7001');
  const stored = JSON.parse(
    (
      await blobService()
        .getContainerClient('radiology-studies')
        .getBlockBlobClient('ACC-2026-HL7001.json')
        .downloadToBuffer()
    ).toString('utf8'),
  );
  assert.deepEqual([stored.patient.mrn, stored.modality, stored.bodyPart], ['MRN-00482913', 'CT', 'Chest']);

  const badSex = hl7.replace('|19570314|F|', '|19570314|Q|').replaceAll('ACC-2026-HL7001', 'ACC-2026-HL7BAD');
  const bad = await post(badSex, 'text/plain');
  assert.equal(bad.status, 400);
  assert.deepEqual(await bad.json(), {
    error: 'PID-8 (administrative sex): "Q" is not an HL7 table 0001 code (F, M, O, U, A, N)',
    where: 'PID-8 (administrative sex)',
  });
  const xml = await post('<Bundle/>', 'application/xml');
  assert.equal(xml.status, 415);
  assert.equal(((await xml.json()) as { where: string }).where, 'content-type');
});

test('a FHIR Bundle dropped in the inbox is drafted; a bundle with an unresolved reference is rejected with its reason', async () => {
  server.clearRequests();
  const inbox = blobService().getContainerClient('radiology-inbox');
  await inbox.createIfNotExists();
  await inbox.getBlockBlobClient('pacs/chest-ct.fhir.json').upload(bundle, Buffer.byteLength(bundle));
  await draftedWithoutPhi('radiology-ACC-2026-FHIR01', 'ACC-2026-FHIR01');

  const broken = bundle
    .replaceAll('ACC-2026-FHIR01', 'ACC-2026-FHIRBAD')
    .replace(
      '"subject": { "reference": "urn:uuid:9b1f4a2e-6c1d-4f0e-9a55-2f7d0b1c3e01" },\n        "basedOn"',
      '"subject": { "reference": "Patient/999" },\n        "basedOn"',
    );
  assert.notEqual(
    broken,
    bundle.replaceAll('ACC-2026-FHIR01', 'ACC-2026-FHIRBAD'),
    'the fixture still has the reference',
  );
  await inbox.getBlockBlobClient('broken-order.fhir.json').upload(broken, Buffer.byteLength(broken));
  const badHl7 = hl7.replace(/OBR\|1\|PL-778812\|FL-5521\|[^|]*\|/, 'OBR|1|PL-778812|FL-5521||');
  await inbox.getBlockBlobClient('broken-order.hl7').upload(badHl7, Buffer.byteLength(badHl7));
  const rejected = blobService().getContainerClient('radiology-inbox-rejected');
  const reasonOf = (name: string) =>
    waitFor(`the reason for ${name}`, async () => {
      try {
        return (await rejected.getBlockBlobClient(`${name}.reason.txt`).downloadToBuffer()).toString('utf8');
      } catch {
        return undefined;
      }
    });
  assert.equal(
    await reasonOf('broken-order.fhir.json'),
    'radiology-inbox/broken-order.fhir.json: Bundle.entry[2].resource(ImagingStudy).subject: reference "Patient/999" resolves to no resource in the bundle (by fullUrl, Type/id or #contained id)',
  );
  assert.match(
    await reasonOf('broken-order.hl7'),
    /^radiology-inbox\/broken-order\.hl7: OBR-4 \(universal service identifier\): missing/,
  );
  assert.equal((await rejected.getBlockBlobClient('broken-order.hl7').downloadToBuffer()).toString('utf8'), badHl7);
});
