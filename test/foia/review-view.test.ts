import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyDecisions } from '../../shared/foia/decisions';
import { redactText } from '../../shared/foia/regions';
import { type FoiaReviewDraft, foiaView } from '../../shared/foia/review-view';
import type { Span } from '../../shared/foia/types';

const text = 'Mendez is treated at County Hospital. His sister visits County Hospital on Sundays. Call (217) 555-0142.';
const at = (part: string) => text.indexOf(part);
const item = (id: string, part: string, category: Span['category'], exemption: string) => ({
  id,
  start: at(part),
  end: at(part) + part.length,
  text: part,
  category,
  exemption,
  confidence: 0.8,
  reason: `found ${part}`,
  source: 'pattern' as const,
});
const draft: FoiaReviewDraft = {
  requestId: 'REQ-1',
  documentName: 'memo.txt',
  text,
  recommendations: [
    item('r1', 'Mendez is treated', 'MEDICAL', '(b)(6)'),
    item('r2', 'Mendez', 'PERSON_PRIVATE', '(b)(6)'),
    item('r3', '(217) 555-0142', 'PHONE', '(b)(6)'),
  ],
};
const form = (fields: Record<string, string>) => new URLSearchParams({ decision: 'modify', ...fields });

test('a reviewer-added redaction covers every occurrence of the text, and the page says so', () => {
  assert.match(foiaView.render(draft), /Every occurrence of this text in the document is redacted/);
  const decisions = foiaView.parseModification(
    form({ addText: 'County Hospital', addCategory: 'MEDICAL', addReason: 'where he is treated' }),
    draft,
  );
  assert.deepEqual(
    decisions.added.map((a) => [a.start, a.end, a.exemption]),
    [
      [at('County Hospital'), at('County Hospital') + 15, '(b)(6)'],
      [text.lastIndexOf('County Hospital'), text.lastIndexOf('County Hospital') + 15, '(b)(6)'],
    ],
  );
  const released = redactText(text, applyDecisions(draft.recommendations, decisions, text));
  assert.doesNotMatch(released, /County Hospital/);
  assert.equal(released, '[(b)(6)] at [(b)(6)]. His sister visits [(b)(6)] on Sundays. Call [(b)(6)].');
});

test('the reviewer changes an item’s exemption from the supported list; the release cites it', () => {
  const html = foiaView.render(draft);
  assert.match(html, /<select name="exemption-r3" aria-label="Exemption for item r3">/);
  assert.match(html, /<option value="\(b\)\(6\)" selected>\(b\)\(6\)<\/option>/);
  assert.match(
    html,
    /<option value="\(b\)\(7\)\(C\)">\(b\)\(7\)\(C\) personal privacy in law-enforcement records<\/option>/,
  );
  const decisions = foiaView.parseModification(form({ 'exemption-r3': '(b)(7)(C)', 'item-r1': 'accept' }), draft);
  assert.deepEqual(decisions.decisions[2], { id: 'r3', action: 'accept', exemption: '(b)(7)(C)' });
  assert.deepEqual(decisions.decisions[0], { id: 'r1', action: 'accept' }, 'an unchanged exemption is not an edit');
  const phone = applyDecisions(draft.recommendations, decisions, text).find((s) => s.category === 'PHONE')!;
  assert.equal(phone.exemption, '(b)(7)(C)');
  assert.match(phone.reason, /the reviewer cited \(b\)\(7\)\(C\) instead of \(b\)\(6\)/);
  assert.match(redactText(text, [phone]), /Call \[\(b\)\(7\)\(C\)\]\.$/);
});

test('an exemption outside the list, or a decision other than accept/reject, is refused naming the field', () => {
  assert.throws(
    () => foiaView.parseModification(form({ 'exemption-r3': '(b)(10)' }), draft),
    /exemption-r3: choose an exemption from the list/,
  );
  assert.throws(
    () => foiaView.parseModification(form({ 'item-r2': 'maybe' }), draft),
    /item-r2: must be accept or reject/,
  );
  assert.throws(
    () =>
      foiaView.parseModification(
        form({ addText: 'Sundays', addCategory: 'PERSON_PRIVATE', addReason: 'private', addExemption: 'x' }),
        draft,
      ),
    /addExemption: choose an exemption from the list/,
  );
});

test('overlapping recommendations are highlighted as one region with an anchor for each item', () => {
  const html = foiaView.render(draft);
  assert.match(
    html,
    /<mark title="MEDICAL \(b\)\(6\); PERSON_PRIVATE \(b\)\(6\)"><span id="m-r1"><\/span><span id="m-r2"><\/span>Mendez is treated<\/mark>/,
  );
});
