import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodePrincipal } from '../../shared/identity/principal';
import { blobNameProblem } from '../../shared/storage/blob-names';
import { manualCutoff } from '../../shared/var/schedule';
import { FILE_NAMES as FOIA_FILE_NAMES } from '../../workflows/foia/names';
import { INBOX_NAMES as RADIOLOGY_INBOX_NAMES } from '../../workflows/radiology/names';
import { principalHeader } from '../support/identity';

test('blob names: real document names pass, anything that could name another place does not', () => {
  for (const ok of ['memo.pdf', 'ünïcödé 文件.exe', 'Case file (2) - final.docx', 'scan_01.txt'])
    assert.equal(blobNameProblem(ok, FOIA_FILE_NAMES), undefined, ok);
  assert.equal(blobNameProblem('2026/11/study-1.json', RADIOLOGY_INBOX_NAMES), undefined);
  for (const bad of ['..', '.', '.hidden', '..\\..\\etc\\passwd.docx', '%2e%2e', 'a\u0000b', 'x'.repeat(201)])
    assert.ok(blobNameProblem(bad, FOIA_FILE_NAMES), bad);
  for (const bad of ['../radiology-signed/ACC-1.pdf', 'a/./b.json', 'a//b.json', '/abs.json'])
    assert.ok(blobNameProblem(bad, RADIOLOGY_INBOX_NAMES), bad);
  assert.match(blobNameProblem('a/b.pdf', FOIA_FILE_NAMES)!, /no folders/);
});

test('a run by hand never ends before the scheduled run would, in winter and in summer time', () => {
  const ny = 'America/New_York';
  // Winter: 5 AM is 10:00Z. Summer: 09:00Z.
  assert.deepEqual(manualCutoff('2027-02-02', Date.parse('2027-02-02T08:00:00Z'), ny, 3), {
    ok: true,
    cutoffAt: '2027-02-02T13:00:00.000Z',
  });
  assert.deepEqual(manualCutoff('2027-07-06', Date.parse('2027-07-06T05:00:00Z'), ny, 2), {
    ok: true,
    cutoffAt: '2027-07-06T11:00:00.000Z',
  });
  // After 5 AM (or a past date) the wait starts now.
  assert.deepEqual(manualCutoff('2027-02-01', Date.parse('2027-02-02T15:00:00Z'), ny, 3), {
    ok: true,
    cutoffAt: '2027-02-02T18:00:00.000Z',
  });
  const future = manualCutoff('2027-02-03', Date.parse('2027-02-02T15:00:00Z'), ny, 3);
  assert.equal(future.ok, false);
});

test('a principal header that is not what App Service writes is no principal at all', () => {
  assert.equal(decodePrincipal(undefined), undefined);
  assert.equal(decodePrincipal('not base64 json'), undefined);
  assert.equal(decodePrincipal(Buffer.from('{"claims":[]}').toString('base64')), undefined, 'no name, no id');
  const header = principalHeader(
    'pacs@hospital.example',
    ['Radiology.Submit'],
    ['5B1F0C2E-0000-4000-8000-000000000001'],
  );
  assert.deepEqual(decodePrincipal(header['x-ms-client-principal']), {
    id: 'oid-pacs@hospital.example',
    name: 'pacs@hospital.example',
    roles: ['Radiology.Submit'],
    groups: ['5b1f0c2e-0000-4000-8000-000000000001'],
  });
});
