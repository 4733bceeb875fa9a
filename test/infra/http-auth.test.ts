import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { anonymousFunctions, httpFunctions } from '../../infra/check/http-auth';
import { repoRoot } from '../support/app-host';

const dirs: string[] = [];
after(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function functionsDir(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'enclave-functions-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

const http = (name: string, level?: string) =>
  `app.http('${name}', {\n  methods: ['POST'],\n  route: '${name}',\n${level ? `  authLevel: '${level}',\n` : ''}  handler: async () => ({ jsonBody: { nested: { authLevel: 'function' } } }),\n});\n`;

test('an HTTP function without authLevel, or anonymous outside the allow-list, is reported', () => {
  const dir = functionsDir({
    'a.ts': http('health', 'anonymous') + http('reviewPage', 'anonymous') + http('submit', 'function'),
    'b.ts': http('status') + http('cancel', 'anonymous') + http('operate', 'admin'),
  });
  assert.deepEqual(
    anonymousFunctions(dir).map((f) => `${f.file}:${f.line} ${f.message.split(' (')[0]}`),
    ['functions/b.ts:1 HTTP function status is anonymous', 'functions/b.ts:6 HTTP function cancel is anonymous'],
  );
});

test('the parser finds every app.http of the real functions/ and reads each level', () => {
  const dir = path.join(repoRoot, 'functions');
  const registrations = readdirSync(dir)
    .filter((f) => f.endsWith('.ts'))
    .reduce((n, f) => n + (readFileSync(path.join(dir, f), 'utf8').match(/app\.http\(/g)?.length ?? 0), 0);
  const found = httpFunctions(dir);
  assert.equal(found.length, registrations);
  assert.equal(found.find((f) => f.name === 'health')?.authLevel, 'anonymous');
});
