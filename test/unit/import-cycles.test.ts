import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';
import { repoRoot } from '../support/app-host';

const dpdm = path.join(repoRoot, 'node_modules', '.bin', 'dpdm');
const FOLDERS = ['functions', 'workflows', 'shared', 'local', 'cli'];

test('no import cycle in the app, the local host or the CLI — type-only imports included', async () => {
  const output = await new Promise<string>((resolve, reject) =>
    execFile(
      dpdm,
      [
        '--no-warning',
        '--no-tree',
        '-T',
        'false',
        '--tsconfig',
        'tsconfig.json',
        ...FOLDERS.map((f) => `${f}/**/*.ts`),
      ],
      { cwd: repoRoot, timeout: 120_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => (error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(stdout)),
    ),
  );
  const section = output.slice(output.indexOf('Circular Dependencies'));
  assert.ok(section.startsWith('Circular Dependencies'), output);
  const cycles = section.split('\n').filter((line) => /^\s+\d+\)/.test(line));
  assert.deepEqual(cycles, [], `import cycles:\n${cycles.join('\n')}`);
});
