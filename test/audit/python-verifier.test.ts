import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { BlobAuditSink } from '../../shared/audit/blob-sink';
import { chainBlobName } from '../../shared/audit/segments';
import { repoRoot } from '../support/app-host';
import { auditStorage, DAY, headKey, modelCall, storedLines } from './support';

/** The verifier exactly as the README prints it (the first python block under "Verifying a chain outside"). */
function readmeVerifier(): string {
  const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('### Verifying a chain outside Enclave'));
  const block = /```python\n([\s\S]*?)```/.exec(section);
  assert.ok(block, 'README has a python block under "Verifying a chain outside Enclave"');
  return block[1]!;
}

const python = (script: string, file: string) => spawnSync('python3', [script, file], { encoding: 'utf8' });

test("the README's Python verifier recomputes every hash of a chain the sink wrote, and names a break", async (t) => {
  if (spawnSync('python3', ['--version']).status !== 0) return t.skip('python3 is not installed');
  const s = auditStorage('python');
  const sink = new BlobAuditSink(s.container, s.heads, { key: headKey, writer: 'py' });
  // Numbers in every ECMAScript form (plain, tiny, exponent) and non-ASCII strings the schema allows.
  const costs = [0.00125, 4e-7, 0.000001, 1e-7, 123.456, 0.1 + 0.2, 1e21, 0, 12];
  for (const [i, costUsd] of costs.entries())
    await sink.append(modelCall(i, { costUsd, latencyMs: i * 1.5, ipAddress: 'Zürich—東京', region: 'West Europe' }));
  const lines = await storedLines(s.container, chainBlobName(DAY, 'py'));
  assert.ok(lines.some((l) => l.includes('"costUsd":4e-7')) && lines.some((l) => l.includes('1e+21')));

  const dir = mkdtempSync(path.join(tmpdir(), 'enclave-pyverify-'));
  const script = path.join(dir, 'verify.py');
  writeFileSync(script, readmeVerifier());
  const chainFile = path.join(dir, 'chain.jsonl');
  writeFileSync(chainFile, `${lines.join('\n')}\n`);
  const ok = python(script, chainFile);
  assert.deepEqual([ok.status, ok.stdout.trim(), ok.stderr], [0, `OK, ${costs.length} records`, '']);

  const edited = path.join(dir, 'edited.jsonl');
  writeFileSync(
    edited,
    `${lines.map((l, i) => (i === 2 ? l.replace('"costUsd":0.000001', '"costUsd":0.000002') : l)).join('\n')}\n`,
  );
  const broken = python(script, edited);
  assert.deepEqual([broken.status, broken.stderr.trim()], [1, 'BROKEN at seq 2']);
});
