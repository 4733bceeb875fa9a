import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { RunningHost } from '../../local/host/index';
import { STUDIES_CONTAINER } from '../../workflows/radiology/names';
import { callApp, repoRoot, startAppHost } from '../support/app-host';
import { durableApi } from '../support/durable';
import { blobService } from '../support/storage';

const fixture = JSON.parse(readFileSync(path.join(repoRoot, 'test/fixtures/radiology/chest-ct-critical.json'), 'utf8'));
const tag = Date.now().toString(36).toUpperCase();
let host: RunningHost;

before(async () => {
  host = await startAppHost(`RadCodes${tag}`);
});
after(async () => host.stop());

const submit = (study: unknown) => callApp(host, 'radiology/studies', { method: 'POST', body: JSON.stringify(study) });

test('a PACS that sends HL7 v2 sex codes and DICOM modality codes is understood, and the study keeps one spelling', async () => {
  const cases: [string, string, string, string][] = [
    ['F', 'DX', 'female', 'XR'],
    ['m', 'CR', 'male', 'XR'],
    ['A', 'PT', 'other', 'PET'],
    ['N', 'ct', 'unknown', 'CT'],
    ['Female', 'MR', 'female', 'MR'],
  ];
  for (const [i, [sex, modality, wantSex, wantModality]] of cases.entries()) {
    const accessionNumber = `ACC-CODE-${i}-${tag}`;
    const response = await submit({ ...fixture, accessionNumber, modality, patient: { ...fixture.patient, sex } });
    assert.equal(response.status, 202, `${sex}/${modality}: ${await response.clone().text()}`);
    const { instanceId } = (await response.json()) as { instanceId: string };
    await durableApi(host).post(`instances/${instanceId}/terminate?reason=test`);
    const stored = JSON.parse(
      (
        await blobService()
          .getContainerClient(STUDIES_CONTAINER)
          .getBlockBlobClient(`${accessionNumber}.json`)
          .downloadToBuffer()
      ).toString('utf8'),
    );
    assert.deepEqual([stored.patient.sex, stored.modality], [wantSex, wantModality], `${sex}/${modality}`);
  }
});

test('an unknown sex or modality code is refused naming the field and the codes it takes', async () => {
  const sex = await submit({
    ...fixture,
    accessionNumber: `ACC-CODE-X-${tag}`,
    patient: { ...fixture.patient, sex: 'X' },
  });
  assert.equal(sex.status, 400);
  const body = (await sex.json()) as { error: string; where: string };
  assert.equal(body.where, 'patient.sex');
  assert.match(body.error, /HL7 v2 code F, M, O, U, A, N/);
  const modality = await submit({ ...fixture, accessionNumber: `ACC-CODE-Y-${tag}`, modality: 'OCT' });
  assert.equal(modality.status, 400);
  assert.equal(((await modality.json()) as { where: string }).where, 'modality');
});
