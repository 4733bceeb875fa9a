import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MANIFEST_ROW } from '../../shared/audit/heads';
import { chainBlobName } from '../../shared/audit/segments';
import { DAY } from '../audit/support';
import { kinds, realDay, verify } from './audit-support';

test('a chain deleted together with its head row (WORM unlocked) is missing from the signed day manifest', async () => {
  const s = await realDay('deletedchain');
  await s.container.getBlobClient(chainBlobName(DAY, 'app-2')).delete();
  await s.heads.deleteEntity(DAY, 'app-2');

  const result = await verify(s);
  assert.equal(result.ok, false, 'the deletion verifies OK');
  assert.deepEqual(
    result.problems.map((p) => [p.kind, p.blob]),
    [['missing', chainBlobName(DAY, 'app-2')]],
  );
  assert.match(result.problems[0]!.problem, /manifest of 2026-11-25 lists chain app-2/);
});

test('deleting or editing the manifest to hide that is named too', async () => {
  const s = await realDay('editedmanifest');
  await s.container.getBlobClient(chainBlobName(DAY, 'app-2')).delete();
  await s.heads.deleteEntity(DAY, 'app-2');
  const manifest = await s.heads.getEntity<{ chains: string }>(DAY, MANIFEST_ROW);
  await s.heads.upsertEntity(
    { ...manifest, partitionKey: DAY, rowKey: MANIFEST_ROW, chains: JSON.stringify(['app-1']) },
    'Replace',
  );
  assert.deepEqual(kinds((await verify(s)).problems), ['forged-manifest']);

  await s.heads.deleteEntity(DAY, MANIFEST_ROW);
  const gone = await verify(s);
  assert.deepEqual(
    gone.problems.map((p) => [p.kind, p.blob]),
    [['missing', `${DAY}/${MANIFEST_ROW}`]],
  );
});
