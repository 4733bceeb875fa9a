import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { instantiate, resourcesOf } from '../../infra/check/instances';
import { infraDir, mutated, removeCopies, rulesOf, templatesOf } from './mutate';

after(removeCopies);

const policiesWhen = (auditWormLocked: boolean) =>
  instantiate(templatesOf(infraDir), infraDir, { auditWormLocked }).flatMap((i) =>
    resourcesOf(i, /immutabilityPolicies@/).map((r) => r.value.properties),
  );

test('the audit container gets an unlocked WORM policy until it is locked, then none is sent', () => {
  assert.deepEqual(policiesWhen(false), [
    { immutabilityPeriodSinceCreationInDays: 2555, allowProtectedAppendWrites: true },
  ]);
  assert.deepEqual(policiesWhen(true), []);
});

test('a policy still sent after locking is reported', () => {
  const dir = mutated('modules/storage.bicep', (t) => t.replace('= if (!auditWormLocked) {', '= {'));
  assert.ok(rulesOf(dir).includes('worm: with auditWormLocked the locked audit policy is still sent'));
});

test('an audit policy that forbids appends or is missing is reported', () => {
  const noAppends = mutated('modules/storage.bicep', (t) =>
    t.replace('allowProtectedAppendWrites: true', 'allowProtectedAppendWrites: false'),
  );
  assert.ok(rulesOf(noAppends).some((m) => m.startsWith('worm: the audit policy forbids protected append writes')));
  const none = mutated('modules/storage.bicep', (t) => t.replace(/resource auditWorm [\s\S]*?\n}\n/, ''));
  assert.ok(rulesOf(none).includes('worm: audit container audit has no immutability policy'));
});

test('a lock flag the azd environment cannot set is reported', () => {
  const dir = mutated('main.parameters.json', (t) => t.replace(/\n\s*"auditWormLocked": .*,/, ''));
  assert.ok(rulesOf(dir).some((m) => m.startsWith('worm: auditWormLocked is not read from the azd environment')));
});
