import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

const root = path.join(__dirname, '..', '..', '..');

interface BiomeReport {
  diagnostics: { category: string; description?: string; message?: string }[];
}

function lintAsOrchestrator(source: string): string[] {
  const folder = path.join(root, 'workflows', `.lint-probe-${process.pid}`);
  mkdirSync(folder, { recursive: true });
  try {
    writeFileSync(path.join(folder, 'orchestrator.ts'), source);
    let out: string;
    try {
      out = execFileSync(path.join(root, 'node_modules', '.bin', 'biome'), ['lint', '--reporter=json', folder], {
        cwd: root,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      });
    } catch (error) {
      out = String((error as { stdout?: string }).stdout ?? '');
    }
    const report = JSON.parse(out) as BiomeReport;
    return report.diagnostics
      .filter((d) => d.category === 'plugin' || d.category.includes('noRestrictedGlobals'))
      .map((d) => d.description ?? d.message ?? '');
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

test('the orchestrator lint refuses the clock, random, node: built-ins and the environment', () => {
  const found = lintAsOrchestrator(
    [
      "import { readFileSync } from 'node:fs';",
      'export const a = Date.now();',
      'export const b = new Date();',
      'export const c = Math.random();',
      'export const d = process.env.X;',
      'export const e = readFileSync;',
      '',
    ].join('\n'),
  );
  assert.equal(found.filter((m) => m.includes('no clock')).length, 2, found.join(' | '));
  assert.equal(found.filter((m) => m.includes('no random')).length, 1, found.join(' | '));
  assert.equal(found.filter((m) => m.includes('node: built-ins')).length, 1, found.join(' | '));
  assert.ok(
    found.some((m) => m.includes('process')),
    found.join(' | '),
  );
});

test('deterministic date arithmetic from the orchestration clock stays allowed', () => {
  const found = lintAsOrchestrator(
    [
      'export const due = (now: Date, ms: number) => new Date(Math.min(now.getTime() + ms, Date.parse("2026-01-01")));',
      '',
    ].join('\n'),
  );
  assert.deepEqual(found, []);
});
