import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findPhones } from '../../shared/identifiers/phone';

/** Classes held-out 2 exposed, written with other numbers and layouts. */
test('a phone at the end of a line is found when the next line starts with digits (signature blocks, tables)', () => {
  for (const [text, phone] of [
    ['Cheers,\nTavita Leota\nCell +61 412 555 019\n42 Harbour Street', '+61 412 555 019'],
    ['Office +33 1 42 68 53 00\n75008 Paris', '+33 1 42 68 53 00'],
    ['Home (773) 555-0142\n1180 W Addison', '(773) 555-0142'],
  ] as const)
    assert.deepEqual(
      findPhones(text).map((h) => h.text),
      [phone],
      text,
    );
});

test('a NANP number whose last separator the scanner lost is still a phone after a bracketed area code', () => {
  assert.deepEqual(
    findPhones('Tel: (602) 5550187 after 6pm').map((h) => h.text),
    ['(602) 5550187'],
  );
  assert.deepEqual(findPhones('invoice 6025550187 total'), [], 'a bare 10-digit number without context is not');
});
