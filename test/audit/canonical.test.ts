import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { canonicalJson } from '../../shared/audit/canonical';
import { auditRecordSchema } from '../../shared/audit/schema';
import { modelCall } from './support';

/** The hand-written form records were hashed with before RFC 8785 (as it was in shared/audit/canonical.ts). */
function earlierCanonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(earlierCanonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${earlierCanonicalJson(v)}`).join(',')}}`;
}

test('RFC 8785 output for its own number and ordering examples', () => {
  // RFC 8785 section 3.2.3 (key order by UTF-16 code units) and appendix B (numbers).
  assert.equal(
    canonicalJson({
      '\u20ac': 'Euro Sign',
      '\r': 'Carriage Return',
      '\ufb33': 'Hebrew Letter Dalet With Dagesh',
      '1': 'One',
      '\ud83d\ude00': 'Emoji: Grinning Face',
      '\u0080': 'Control',
      '\u00f6': 'Latin Small Letter O With Diaeresis',
    }),
    '{"\\r":"Carriage Return","1":"One","\u0080":"Control","\u00f6":"Latin Small Letter O With Diaeresis","\u20ac":"Euro Sign","\ud83d\ude00":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
  );
  assert.equal(
    canonicalJson([1e21, 1e-7, 0.000001, -0, 333333333.3333333, 5e-324, 9007199254740992]),
    '[1e+21,1e-7,0.000001,0,333333333.3333333,5e-324,9007199254740992]',
  );
  assert.throws(() => canonicalJson(Number.NaN), /NaN/);
});

test('every record the schema admits canonicalises exactly as before RFC 8785, so old chains verify', () => {
  const record = fc.record({
    costUsd: fc.double({ min: 0, max: 1e6, noNaN: true }),
    latencyMs: fc.double({ min: 0, max: 1e9, noNaN: true }),
    requestId: fc.stringMatching(/^[\w.@:/+-]{1,40}$/),
    tokens: fc.nat(),
  });
  fc.assert(
    fc.property(record, ({ costUsd, latencyMs, requestId, tokens }) => {
      const valid = auditRecordSchema.parse(
        modelCall(1, { costUsd, latencyMs, requestId, tokensUsed: { prompt: tokens, completion: 0, total: tokens } }),
      );
      const chained = { ...valid, seq: tokens, prevHash: '0'.repeat(64) };
      assert.equal(canonicalJson(chained), earlierCanonicalJson(chained));
    }),
    { numRuns: 500 },
  );
  fc.assert(
    fc.property(fc.jsonValue(), (value) => assert.equal(canonicalJson(value), earlierCanonicalJson(value))),
    { numRuns: 500 },
  );
});
