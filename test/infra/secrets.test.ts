import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, test } from 'node:test';
import { azdVariable, infraDir, mutated, removeCopies, rulesOf, templatesOf } from './mutate';

after(removeCopies);

test('the review-link secret is a required secure parameter the azd environment provides', () => {
  const param = templatesOf(infraDir)[0]!.declarations.find((d) => d.name === 'reviewLinkSecret')!;
  assert.ok(param.decorators.includes('@secure()'));
  assert.doesNotMatch(param.body, /=/, 'a default would be used whenever the environment lacks the value');
  const parameters = JSON.parse(readFileSync(path.join(infraDir, 'main.parameters.json'), 'utf8'));
  assert.equal(parameters.parameters.reviewLinkSecret.value, azdVariable('ENCLAVE_REVIEW_LINK_SECRET'));
});

test('a Key Vault secret fed by newGuid() or utcNow() through a module is reported', () => {
  for (const call of ['newGuid()', `'link-\${utcNow()}-0123456789abcdef0123456789'`]) {
    const dir = mutated('main.bicep', (t) =>
      t.replace('param reviewLinkSecret string\n', `param reviewLinkSecret string = ${call}\n`),
    );
    assert.ok(
      rulesOf(dir).some((m) =>
        m.startsWith(
          `secret-regenerated: Key Vault secret reviewSecret gets a new value at every deployment (main.bicep param reviewLinkSecret = ${call.includes('utcNow') ? 'utcNow' : 'newGuid'}())`,
        ),
      ),
      call,
    );
  }
});

test("a module's own newGuid() default is reported when the caller passes no value", () => {
  const withDefault = mutated('modules/keyvault.bicep', (t) =>
    t.replace('param reviewLinkSecret string\n', 'param reviewLinkSecret string = newGuid()\n'),
  );
  const dir = mutated('main.bicep', (t) => t.replace('    reviewLinkSecret: reviewLinkSecret\n', ''), withDefault);
  assert.ok(
    rulesOf(dir).some(
      (m) => m.includes('reviewSecret gets a new value') && m.includes('modules/keyvault.bicep param reviewLinkSecret'),
    ),
  );
});
