import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

const root = path.join(__dirname, '..', '..', '..');

interface BiomeReport {
  diagnostics: { category: string; description?: string; message?: string; location?: { start?: { line: number } } }[];
}

/** The ban's messages per line of `lines`, linted as if it were `workflows/<probe>/orchestrator.ts`. */
function lintAsOrchestrator(lines: string[]): Map<number, string[]> {
  const folder = path.join(root, 'workflows', `.lint-probe-${process.pid}`);
  mkdirSync(folder, { recursive: true });
  try {
    writeFileSync(path.join(folder, 'orchestrator.ts'), `${lines.join('\n')}\n`);
    let out: string;
    try {
      out = execFileSync(path.join(root, 'node_modules', '.bin', 'biome'), ['lint', '--reporter=json', folder], {
        cwd: root,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    } catch (error) {
      out = String((error as { stdout?: string }).stdout ?? '');
    }
    const byLine = new Map<number, string[]>();
    for (const d of (JSON.parse(out) as BiomeReport).diagnostics) {
      const text = d.description ?? d.message ?? '';
      // A plugin that fails to compile reports on no line: that is a broken ban, not a clean file.
      assert.doesNotMatch(text, /errored|Failed to compile/, text);
      if (d.category !== 'plugin' && !d.category.includes('noRestrictedGlobals')) continue;
      const line = d.location?.start?.line ?? 0;
      byLine.set(line, [...(byLine.get(line) ?? []), text]);
    }
    return byLine;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

const BANNED: [string, RegExp][] = [
  ["import { readFileSync } from 'node:fs';", /node: built-ins/],
  ["import { readFile } from 'fs';", /node: built-ins/],
  ["import { createHash } from 'crypto';", /node: built-ins/],
  ["import * as os from 'node:os';", /node: built-ins/],
  ["import 'node:fs';", /node: built-ins/],
  ["export { join } from 'node:path';", /node: built-ins/],
  ["export * from 'fs/promises';", /node: built-ins/],
  ["export const i = import('node:fs');", /node: built-ins/],
  ["export const r = require('fs');", /require/],
  ['export const a = Date.now();', /no clock/],
  ['export const b = Date.now;', /no clock/],
  ['export const c = new Date();', /no clock/],
  ['export const d = new Date;', /no clock/],
  ['export const e = Date();', /no clock/],
  ['const D = Date;', /no clock/],
  ['export const f = globalThis.Date.now();', /globalThis/],
  ['export const g = new globalThis.Date();', /globalThis/],
  ['export const h = performance.now();', /performance/],
  ['export const j = Math.random();', /no random/],
  ['export const k = Math.random;', /no random/],
  ['export const l = crypto.randomUUID();', /crypto/],
  ['export const m = process.env.X;', /process/],
  ['export const n = setTimeout;', /setTimeout/],
];

test('the orchestrator lint refuses every form of the clock, random, globalThis, node built-ins and the environment', () => {
  const found = lintAsOrchestrator(BANNED.map(([line]) => line));
  BANNED.forEach(([line, expected], i) => {
    const messages = found.get(i + 1) ?? [];
    assert.ok(
      messages.some((m) => expected.test(m)),
      `not refused: ${line} (got ${messages.join(' | ') || 'nothing'})`,
    );
  });
});

test('deterministic date arithmetic from the orchestration clock stays allowed', () => {
  const found = lintAsOrchestrator([
    "import type { OrchestrationContext } from 'durable-functions';",
    'export const due = (now: Date, ms: number) => new Date(Math.min(now.getTime() + ms, Date.parse("2026-01-01")));',
    'export const start = (c: OrchestrationContext) => new Date(c.df.currentUtcDateTime.getTime() + Date.UTC(1970, 0, 2));',
  ]);
  assert.deepEqual([...found.entries()], []);
});
