import assert from 'node:assert/strict';
import { test } from 'node:test';
import { csrfToken, LinkRefused, sameToken, signLink, verifyLink } from '../../shared/review/token';

const secret = 'x'.repeat(40);
const claims = {
  instanceId: 'var-2026-11-25',
  reviewId: 'var-2026-11-25:1',
  reviewer: 'risk@bank.example',
  pipeline: 'var',
  expiresAt: 1_000_000,
};

test('a signed link verifies and carries its claims', () => {
  const token = signLink(secret, claims, 'n1');
  assert.deepEqual(verifyLink(secret, token, 999_999), { ...claims, nonce: 'n1' });
});

test('forged, altered, truncated and expired links are refused with the right status', () => {
  const token = signLink(secret, claims, 'n1');
  const refused = (t: string, now = 0) => {
    try {
      verifyLink(secret, t, now);
      return undefined;
    } catch (error) {
      assert.ok(error instanceof LinkRefused);
      return error.status;
    }
  };
  assert.equal(refused(signLink('y'.repeat(40), claims, 'n1')), 403, 'signed with another key');
  const [body, signature] = token.split('.');
  const altered = Buffer.from(JSON.stringify({ ...claims, reviewer: 'attacker@evil.example', nonce: 'n1' })).toString(
    'base64url',
  );
  assert.equal(refused(`${altered}.${signature}`), 403, 'a changed field');
  assert.equal(refused(`${body}`), 403, 'no signature');
  assert.equal(refused(`${body}.${signature}.x`), 403, 'extra segment');
  assert.equal(refused(token, 1_000_001), 410, 'expired');
});

test('CSRF tokens are bound to the link and compared in constant time', () => {
  const a = csrfToken(secret, { ...claims, nonce: 'n1' });
  const b = csrfToken(secret, { ...claims, nonce: 'n2' });
  assert.notEqual(a, b);
  assert.equal(sameToken(a, a), true);
  assert.equal(sameToken(undefined, a), false);
  assert.equal(sameToken(`${a}x`, a), false);
});
