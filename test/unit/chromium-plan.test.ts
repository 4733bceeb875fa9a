import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chromiumPlan, INSTALL_COMMAND } from '../support/chromium';

const machine = (files: string[], over: Partial<Parameters<typeof chromiumPlan>[0]> = {}) => ({
  env: {},
  exists: (p: string) => files.includes(p),
  uid: 0,
  aptAvailable: true,
  ...over,
});

test('a system Chromium is used where it is, in the order Debian, Ubuntu, Google', () => {
  assert.deepEqual(chromiumPlan(machine(['/usr/bin/chromium'])), { use: '/usr/bin/chromium' });
  assert.deepEqual(chromiumPlan(machine(['/usr/bin/chromium-browser', '/usr/bin/google-chrome'])), {
    use: '/usr/bin/chromium-browser',
  });
  assert.deepEqual(chromiumPlan(machine(['/usr/bin/google-chrome'], { uid: 1000, aptAvailable: false })), {
    use: '/usr/bin/google-chrome',
  });
});

test('CHROMIUM_PATH wins, and a wrong one is named instead of falling back', () => {
  const env = { CHROMIUM_PATH: '/opt/chrome/chrome' };
  assert.deepEqual(chromiumPlan(machine(['/opt/chrome/chrome', '/usr/bin/chromium'], { env })), {
    use: '/opt/chrome/chrome',
  });
  const wrong = chromiumPlan(machine(['/usr/bin/chromium'], { env }));
  assert.ok('fail' in wrong && wrong.fail.includes('CHROMIUM_PATH=/opt/chrome/chrome'));
});

test('root with apt and no browser installs Debian chromium', () => {
  assert.deepEqual(chromiumPlan(machine([])), { install: INSTALL_COMMAND });
});

test('no browser and no way to install it: one line saying what to run', () => {
  for (const over of [{ uid: 1000 }, { aptAvailable: false }, { uid: undefined }]) {
    const plan = chromiumPlan(machine([], over));
    assert.ok('fail' in plan, JSON.stringify(over));
    assert.ok(plan.fail.includes(`sudo ${INSTALL_COMMAND}`));
    assert.ok(!plan.fail.includes('\n'));
  }
});
