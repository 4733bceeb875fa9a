import assert from 'node:assert/strict';
import { test } from 'node:test';
import { occurrences } from '../../shared/foia/occurrences';

test('an added redaction matches whole words only, every time, and still matches text that starts or ends in punctuation', () => {
  const text = 'Ann met Joanna. The Annual report names Ann; ANN is not Ann.';
  assert.deepEqual(occurrences(text, 'Ann'), [0, 40, 56]);
  assert.deepEqual(occurrences('Call (217) 555-0142 or (217) 555-0142.', '(217) 555-0142'), [5, 23]);
  assert.deepEqual(occurrences('x', ''), []);
});
