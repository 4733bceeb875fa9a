import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { RunningHost } from '../../local/host/index';
import { quarantineName } from '../../shared/storage/blob-names';
import { foiaInstanceId } from '../../workflows/foia/instance-id';
import { startAppHost } from '../support/app-host';
import { durableApi } from '../support/durable';
import { blobService } from '../support/storage';

const tag = Date.now().toString(36).toUpperCase();
let host: RunningHost;
before(async () => {
  host = await startAppHost(`SecNames${tag}`);
});
after(async () => host.stop());

const text = (container: string, name: string) =>
  blobService()
    .getContainerClient(container)
    .getBlockBlobClient(name)
    .downloadToBuffer()
    .then((b) => b.toString('utf8'));

test('a radiology-inbox name with dot segments is rejected with its reason and never lands beside signed reports', async () => {
  const name = `../radiology-signed/ACC-SEC-${tag}.pdf`;
  const body = Buffer.from('{"not": "a study"}');
  // What the blob trigger hands the function for a blob of that name (the host's listener stays off in tests).
  await host.app.invoke('radiologyInbox', { bytes: body }, { name: { string: name } });
  const signed = blobService().getContainerClient('radiology-signed');
  assert.equal(await signed.getBlockBlobClient(`ACC-SEC-${tag}.pdf`).exists(), false, 'nothing crossed containers');
  assert.equal(await signed.getBlockBlobClient(`ACC-SEC-${tag}.pdf.reason.txt`).exists(), false);
  const kept = quarantineName(name);
  const reason = await text('radiology-inbox-rejected', `${kept}.reason.txt`);
  assert.match(
    reason,
    /^radiology-inbox\/"\.\.\/radiology-signed\/ACC-SEC-\w+\.pdf": radiology-inbox names are made of/,
  );
  assert.equal(await text('radiology-inbox-rejected', kept), body.toString());
});

test('a foia-inbox folder or file name that breaks the rule starts no run and is kept with its reason', async () => {
  const bytes = Buffer.from(`Memo ${tag}: nothing to see.`);
  await host.app.invoke('foiaInbox', { bytes }, { requestId: { string: '..' }, file: { string: `memo-${tag}.txt` } });
  const reason = await text('foia-rejected', `${quarantineName(`../memo-${tag}.txt`)}.reason.txt`);
  assert.match(reason, /foia-inbox request folders are letters, digits and dashes/);
  const file = `..\\..\\radiology-signed\\x-${tag}.txt`;
  await host.app.invoke('foiaInbox', { bytes }, { requestId: { string: `REQ-${tag}` }, file: { string: file } });
  const second = await text('foia-rejected', `${quarantineName(`REQ-${tag}/${file}`)}.reason.txt`);
  assert.match(second, /foia-inbox names are made of/);
  assert.equal((await durableApi(host).status(foiaInstanceId(bytes))).runtimeStatus, 'NotFound');
});
