import { readFileSync } from 'node:fs';
import path from 'node:path';
import { foiaRedactEngine } from '../../local/model/engines/foia';
import { detectRedactions } from '../../shared/foia/detect';
import { CATEGORIES, type Span } from '../../shared/foia/types';
import { type Gold, score } from './foia-eval';

interface Doc {
  id: string;
  text: string;
  gold: [string, string][];
}

/** `npm run eval:foia`: precision, recall and F1 per category on the committed labelled set. */
async function main(): Promise<void> {
  const docs = JSON.parse(
    readFileSync(path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'foia', 'eval', 'documents.json'), 'utf8'),
  ) as Doc[];
  const predicted: Span[] = [];
  const gold: Gold[] = [];
  let offset = 0;
  for (const doc of docs) {
    const spans = await detectRedactions(doc.text, {
      model: async (prompt) =>
        JSON.parse(
          (
            await foiaRedactEngine({
              deployment: 'foia-redact',
              messages: prompt.messages,
              responseFormat: prompt.responseFormat,
            })
          ).content,
        ),
    });
    predicted.push(...spans.map((s) => ({ ...s, start: s.start + offset, end: s.end + offset })));
    for (const [text, category] of doc.gold) {
      const at = doc.text.indexOf(text);
      if (at < 0) throw new Error(`${doc.id}: gold span "${text}" is not in the text`);
      gold.push({ start: at + offset, end: at + offset + text.length, category });
    }
    offset += doc.text.length + 1;
  }
  const { scores, missedSsns } = score(predicted, gold, [...CATEGORIES]);
  for (const s of scores) {
    console.log(
      JSON.stringify({
        eval: 'foia',
        category: s.category,
        tp: s.tp,
        fp: s.fp,
        fn: s.fn,
        precision: Number(s.precision.toFixed(3)),
        recall: Number(s.recall.toFixed(3)),
        f1: Number(s.f1.toFixed(3)),
      }),
    );
  }
  console.log(JSON.stringify({ eval: 'foia', documents: docs.length, goldSpans: gold.length, missedSsns }));
  if (missedSsns > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
