import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { TableClient } from '@azure/data-tables';
import type { ContainerClient } from '@azure/storage-blob';
import { BlobAuditSink } from '../../shared/audit/blob-sink';
import { chain } from '../../shared/audit/canonical';
import type { HeadsTable } from '../../shared/audit/heads';
import { readHeads } from '../../shared/audit/heads';
import { chainBlobName } from '../../shared/audit/segments';
import { verifyAudit } from '../../shared/audit/verify';
import { waitFor } from '../support/storage';
import { auditStorage, DAY, headKey, modelCall, storedLines } from './support';

/** The heads table as the sink uses it, whose first write fails the way a throttled or unreachable table does. */
function headsFailingOnce(real: TableClient): HeadsTable & { failures: number } {
  // Only a head counts (the intent written before each append is a separate, best-effort row update).
  const failFirst = (isHead = true) => {
    if (isHead && heads.failures++ === 0) throw Object.assign(new Error('Server Busy'), { statusCode: 503 });
  };
  const heads = {
    failures: 0,
    createTable: (...args: Parameters<TableClient['createTable']>) => real.createTable(...args),
    getEntity: real.getEntity.bind(real),
    upsertEntity: async (...args: Parameters<TableClient['upsertEntity']>) => {
      failFirst('seq' in args[0]);
      return real.upsertEntity(...args);
    },
    submitTransaction: async (...args: Parameters<TableClient['submitTransaction']>) => {
      failFirst(args[0].some(([, entity]) => 'seq' in entity));
      return real.submitTransaction(...args);
    },
  };
  return heads;
}

/** The container, except that the first append's block lands and then its response is lost. */
function losingFirstAppendResponse(real: ContainerClient, lost = { count: 0 }): ContainerClient {
  const bound = <T extends object>(target: T, override: Record<string, unknown>) =>
    new Proxy(target, {
      get: (t, prop) => {
        if (typeof prop === 'string' && prop in override) return override[prop];
        const value = Reflect.get(t, prop, t);
        return typeof value === 'function' ? value.bind(t) : value;
      },
    });
  return bound(real, {
    getAppendBlobClient: (name: string) => {
      const blob = real.getAppendBlobClient(name);
      return bound(blob, {
        appendBlock: async (...args: Parameters<typeof blob.appendBlock>) => {
          const response = await blob.appendBlock(...args);
          if (lost.count++ > 0) return response;
          throw Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
        },
      });
    },
  });
}

describe('an append that landed counts as landed', () => {
  const blob = chainBlobName(DAY, 'h');
  const requestIds = async (container: ContainerClient) =>
    (await storedLines(container, blob)).map((l) => JSON.parse(l).requestId);

  test('a failed heads write does not fail the append; the head is written by the retry', async () => {
    const s = auditStorage('headsretry');
    const heads = headsFailingOnce(s.heads);
    const sink = new BlobAuditSink(s.container, heads, { key: headKey, writer: 'h', headRetryMs: 50 });
    await sink.append(modelCall(1));
    assert.equal(heads.failures, 1, 'the first heads write failed');
    assert.deepEqual(await requestIds(s.container), ['req-1']);
    const head = await waitFor('the retried head', async () => (await readHeads(s.heads, DAY, DAY))[0]);
    assert.deepEqual([head.seq, head.blob, sink.pendingHeads], [0, blob, 0]);
    assert.equal((await verifyAudit(s.container, s.heads, DAY, DAY, headKey)).ok, true);
  });

  test('after a failed heads write the next flush rewrites the head and nothing is appended twice', async () => {
    const s = auditStorage('headsnext');
    const sink = new BlobAuditSink(s.container, headsFailingOnce(s.heads), {
      key: headKey,
      writer: 'h',
      headRetryMs: 60_000,
    });
    await sink.append(modelCall(1));
    await sink.append(modelCall(2));
    assert.deepEqual(await requestIds(s.container), ['req-1', 'req-2']);
    assert.deepEqual(
      (await readHeads(s.heads, DAY, DAY)).map((h) => h.seq),
      [1],
    );
    const result = await verifyAudit(s.container, s.heads, DAY, DAY, headKey);
    assert.deepEqual([result.ok, result.records], [true, 2]);
  });

  test('a block that landed although its response was lost resolves, once', async () => {
    const s = auditStorage('lostresponse');
    const lost = { count: 0 };
    const sink = new BlobAuditSink(losingFirstAppendResponse(s.container, lost), s.heads, {
      key: headKey,
      writer: 'h',
    });
    await sink.append(modelCall(1));
    assert.equal(lost.count, 1, 'the first block landed and its response was lost');
    await sink.append(modelCall(2));
    assert.deepEqual(await requestIds(s.container), ['req-1', 'req-2']);
    const result = await verifyAudit(s.container, s.heads, DAY, DAY, headKey);
    assert.deepEqual([result.ok, result.records], [true, 2]);
  });
});

test('a writer killed between an append and its head: the signed intent covers that tail, and nothing after it', async () => {
  const s = auditStorage('crashtail');
  // The table as a process killed right after its append sees it: intents land, the head write never happens.
  const dropsHeads: HeadsTable = {
    createTable: (...args) => s.heads.createTable(...args),
    getEntity: s.heads.getEntity.bind(s.heads),
    upsertEntity: async (entity, mode) => {
      if ('seq' in entity) throw Object.assign(new Error('killed'), { code: 'ECONNRESET' });
      return s.heads.upsertEntity(entity, mode);
    },
    submitTransaction: (actions) => s.heads.submitTransaction(actions.filter(([, entity]) => !('seq' in entity))),
  };
  const sink = new BlobAuditSink(s.container, dropsHeads, { key: headKey, writer: 'k', headRetryMs: 60_000 });
  await sink.append(modelCall(1));
  assert.deepEqual(await readHeads(s.heads, DAY, DAY), [], 'no head was written');
  assert.deepEqual((await verifyAudit(s.container, s.heads, DAY, DAY, headKey)).problems, []);
  const lines = await storedLines(s.container, chainBlobName(DAY, 'k'));
  const last = JSON.parse(lines.at(-1)!);
  const forged = chain(modelCall(2), last.seq + 1, last.hash);
  const text = `${JSON.stringify(forged)}\n`;
  await s.container.getAppendBlobClient(chainBlobName(DAY, 'k')).appendBlock(text, Buffer.byteLength(text));
  assert.deepEqual(
    (await verifyAudit(s.container, s.heads, DAY, DAY, headKey)).problems.map((p) => p.kind),
    ['unheaded'],
  );
});
