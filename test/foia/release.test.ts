import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { EXEMPTIONS } from '../../shared/foia/exemptions';
import { type Extracted, extractText } from '../../shared/foia/extract';
import { redactedPdf } from '../../shared/foia/redacted-pdf';
import { redactText } from '../../shared/foia/regions';
import { CATEGORIES, type Span } from '../../shared/foia/types';
import { vaughnIndex, vaughnIndexPdf } from '../../shared/foia/vaughn-index';

// Text outside every span is lower case; inside a span it is upper case or digits, so a survivor is easy to spot.
const PUBLIC = [...'abcdefghijklmnopqrstuvwxyz     \n'];
const SECRET = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'];
const MARKER = /\[[^\]]*\]/g;
const survivors = (released: string) => released.replace(MARKER, '').match(/[A-Z0-9]/g) ?? [];

interface Case {
  extracted: Extracted;
  spans: Span[];
  outside: string;
}

/** A random document cut into random pages, with random (often overlapping, often page-crossing) spans. */
const cases: fc.Arbitrary<Case> = fc.integer({ min: 2, max: 600 }).chain((n) =>
  fc
    .record({
      chars: fc.array(fc.constantFrom(...PUBLIC), { minLength: n, maxLength: n }),
      secrets: fc.array(fc.constantFrom(...SECRET), { minLength: n, maxLength: n }),
      spans: fc.array(
        fc.record({
          start: fc.nat(n - 1),
          length: fc.integer({ min: 1, max: 80 }),
          category: fc.constantFrom(...CATEGORIES),
          exemption: fc.constantFrom(...Object.keys(EXEMPTIONS)),
        }),
        { minLength: 1, maxLength: 12 },
      ),
      cuts: fc.uniqueArray(fc.integer({ min: 1, max: n - 1 }), { maxLength: 6 }),
    })
    .map(({ chars, secrets, spans: raw, cuts }) => {
      const ranges = raw.map((s) => ({ ...s, end: Math.min(n, s.start + s.length) }));
      const inside = (i: number) => ranges.some((s) => i >= s.start && i < s.end);
      const text = chars.map((c, i) => (inside(i) ? secrets[i]! : c)).join('');
      const bounds = [0, ...[...cuts].sort((a, b) => a - b), n];
      const pages = bounds.slice(1).map((end, i) => ({ page: i + 1, start: bounds[i]!, end }));
      const spans = ranges.map((s) => ({
        start: s.start,
        end: s.end,
        text: text.slice(s.start, s.end),
        category: s.category,
        exemption: s.exemption,
        confidence: 0.5,
        reason: 'generated',
        source: 'pattern' as const,
      }));
      const outside = chars.filter((_, i) => !inside(i)).join('');
      return { extracted: { text, pages, kind: 'pdf' as const }, spans, outside };
    }),
);

test('property: no character inside any accepted span survives in the redacted text, and nothing outside is lost', () => {
  fc.assert(
    fc.property(cases, ({ extracted, spans, outside }) => {
      const released = redactText(extracted.text, spans);
      assert.deepEqual(survivors(released), []);
      assert.equal(released.replace(MARKER, ''), outside);
    }),
    { numRuns: 500 },
  );
});

test('property: no character inside any accepted span survives in the re-extracted redacted PDF', async () => {
  await fc.assert(
    fc.asyncProperty(cases, async ({ extracted, spans }) => {
      const released = await extractText('released.pdf', await redactedPdf(extracted, spans));
      assert.deepEqual(survivors(released.text), []);
    }),
    { numRuns: 40 },
  );
});

const span = (text: string, part: string, category: Span['category'], exemption: string): Span => {
  const start = text.indexOf(part);
  return {
    start,
    end: start + part.length,
    text: part,
    category,
    exemption,
    confidence: 0.9,
    reason: 'r',
    source: 'nlp',
  };
};

test('overlapping spans of different categories are withheld as one region marked with every exemption', () => {
  const text = 'The informant Carlos Mendez lives at 1600 Elm Street today.';
  const released = redactText(text, [
    span(text, 'informant Carlos', 'LAW_ENFORCEMENT', '(b)(7)(D)'),
    span(text, 'Carlos Mendez lives', 'PERSON_PRIVATE', '(b)(7)(C)'),
    span(text, ' at 1600 Elm Street', 'ADDRESS', '(b)(6)'),
  ]);
  assert.equal(released, 'The [(b)(7)(D); (b)(7)(C); (b)(6)] today.');
});

test('a span crossing a page break is removed on both pages and marked on each', async () => {
  const text = 'Page one ends with the name Carlos\nMendez who lives nearby.\nThe end.\n';
  const pageBreak = text.indexOf('Mendez');
  const extracted: Extracted = {
    text,
    pages: [
      { page: 1, start: 0, end: pageBreak },
      { page: 2, start: pageBreak, end: text.length },
    ],
    kind: 'pdf',
  };
  const name = span(text, 'Carlos\nMendez who', 'PERSON_PRIVATE', '(b)(6)');
  const released = await extractText('released.pdf', await redactedPdf(extracted, [name]));
  assert.equal(released.pages.length, 2);
  const [one, two] = released.pages.map((p) => released.text.slice(p.start, p.end));
  assert.match(one!, /Page one ends with the name \[\(b\)\(6\)\]/);
  assert.match(two!, /^\[\(b\)\(6\)\] lives nearby\./);
  assert.doesNotMatch(released.text, /Carlos|Mendez|who/);
  assert.match(vaughnIndex('memo.pdf', extracted, [name]), /memo\.pdf,1,1-2,/, 'the index names both pages');
});

test('the index PDF wraps long entries instead of cutting them', async () => {
  const text = 'Mendez was diagnosed with diabetes.';
  const reason = `medical information about an individual, ${'withheld because it describes a condition '.repeat(6)}end of justification`;
  const item = { ...span(text, 'diagnosed with diabetes', 'MEDICAL', '(b)(6)'), reason };
  const csv = vaughnIndex('memo.pdf', { text, pages: [{ page: 1, start: 0, end: text.length }], kind: 'txt' }, [item]);
  const pdf = await extractText('index.pdf', await vaughnIndexPdf('memo.pdf', csv));
  assert.ok(csv.split('\n')[1]!.length > 150, 'the entry is longer than the old 150-character cut');
  assert.ok(pdf.text.replace(/\s+/g, ' ').includes(reason), 'the whole justification is printed');
});
