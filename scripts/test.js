#!/usr/bin/env node

// npm test: runs every compiled test file under dist/test with Node's test runner, against one Azurite
// started for the whole run (disk mode, temp folder). `npm test -- unit audit` runs only paths containing a word.
const { spawnSync } = require('node:child_process');
const { existsSync, mkdtempSync, readdirSync, rmSync } = require('node:fs');
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
  ensureChromium();
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

// The review-page suites drive a real Chromium: use the system's, install Debian's as root, or stop before any suite.
function ensureChromium() {
  const { chromiumPlan } = require('../dist/test/support/chromium.js');
  const onPath = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
  const machine = { env: process.env, exists: existsSync, uid: process.getuid?.(), aptAvailable: onPath('apt-get') };
  let plan = chromiumPlan(machine);
  if ('install' in plan) {
    console.log(`npm test: no Chromium found; installing Debian's (${plan.install})`);
    const started = Date.now();
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const result = spawnSync('sh', ['-c', `apt-get update -qq && apt-get install -y -qq chromium >/dev/null`], {
      stdio: 'inherit',
      env,
    });
    if (result.status !== 0) fail(`\`${plan.install}\` failed (exit ${result.status}); run it yourself, then npm test`);
    plan = chromiumPlan(machine);
    if ('use' in plan) console.log(`npm test: Chromium installed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  if ('fail' in plan) fail(plan.fail);
  if ('install' in plan) fail(`apt-get installed chromium but no binary appeared; set CHROMIUM_PATH`);
  process.env.CHROMIUM_PATH = plan.use;
}

function fail(line) {
  console.error(`npm test: ${line}`);
  process.exit(1);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
