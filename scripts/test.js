#!/usr/bin/env node

// npm test: runs every compiled test file under dist/test with Node's test runner, against one Azurite
// started for the whole run (disk mode, temp folder). `npm test -- unit audit` runs only paths containing a word.
const { spawnSync } = require('node:child_process');
const { mkdtempSync, readdirSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const path = require('node:path');

const root = path.join(__dirname, '..', 'dist', 'test');
const filters = process.argv.slice(2);

function collect(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'fixtures' ? [] : collect(full);
    return entry.name.endsWith('.test.js') ? [full] : [];
  });
}

async function main() {
  const files = collect(root)
    .filter((f) => filters.length === 0 || filters.some((w) => f.includes(w)))
    .sort();
  if (files.length === 0) {
    console.error(`no test files under ${root}${filters.length ? ` matching ${filters.join(', ')}` : ''}`);
    process.exit(1);
  }
  const { startAzurite } = require('../dist/local/azurite/start.js');
  const location = mkdtempSync(path.join(tmpdir(), 'enclave-test-azurite-'));
  const azurite = await startAzurite({ location });
  let status = 1;
  try {
    const result = spawnSync(process.execPath, ['--test', '--test-concurrency=2', '--test-reporter=spec', ...files], {
      stdio: 'inherit',
      env: { ...process.env, ENCLAVE_TEST_STORAGE: azurite.connectionString },
    });
    status = result.status ?? 1;
  } finally {
    await azurite.stop();
    rmSync(location, { recursive: true, force: true });
  }
  process.exit(status);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
