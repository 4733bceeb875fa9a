import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ContainerClient } from '@azure/storage-blob';
import type { Rejections } from '../../shared/storage/rejections';
import { createFoiaActivities, type FoiaDeps } from '../../workflows/foia/activities';
import type { FoiaRun } from '../../workflows/foia/types';

/** Rejections kept in memory: the extract activity depends on the interface, not on a blob container. */
function memoryRejections() {
  const kept = new Map<string, { bytes: string; reason: string }>();
  const rejections: Rejections = {
    async reject(name, bytes, reason) {
      kept.set(name, { bytes: bytes.toString(), reason });
      return `memory/${name}`;
    },
  };
  return { kept, rejections };
}

test('an unreadable document is kept with its reason through the rejections interface, and the run is told why', async () => {
  const { kept, rejections } = memoryRejections();
  const inbox = {
    getBlockBlobClient: () => ({ downloadToBuffer: async () => Buffer.from('this is not a pdf') }),
  } as unknown as ContainerClient;
  const unused = {} as ContainerClient;
  const deps: FoiaDeps = {
    inbox,
    rejected: rejections,
    work: unused,
    drafts: unused,
    released: unused,
    audit: { append: async () => assert.fail('a rejected document is not audited as submitted') } as never,
  };
  const run = { documentBlob: 'REQ-9/scan.pdf', documentName: 'scan.pdf', receivedDate: '2026-12-01' } as FoiaRun;
  const extraction = await createFoiaActivities(deps).extractFoiaDocument({ run, instanceId: 'foia-x' });
  assert.match(String(extraction.rejected), /^foia-inbox\/REQ-9\/scan\.pdf: scan\.pdf: is not a PDF/);
  assert.deepEqual([...kept.keys()], ['REQ-9/scan.pdf']);
  assert.equal(kept.get('REQ-9/scan.pdf')?.bytes, 'this is not a pdf');
  assert.equal(kept.get('REQ-9/scan.pdf')?.reason, extraction.rejected);
});
