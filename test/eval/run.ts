import { readFileSync } from 'node:fs';
import { foiaRedactEngine } from '../../local/model/engines/foia';
import { detectRedactions, type ModelCaller } from '../../shared/foia/detect';
import type { Span } from '../../shared/foia/types';
import { type Corpus, corpusFile, PART_NAMES } from './corpus/generate';
import type { Part } from './corpus/people';
import { scoreFoia } from './foia-score';
import { radiologyLeaks } from './radiology-leaks';
import { loadSafetySet, safetyLines, scoreSafety } from './safety-eval';

export const localFoiaModel: ModelCaller = async (prompt) =>
  JSON.parse(
    (
      await foiaRedactEngine({
        deployment: 'foia-redact',
        messages: prompt.messages,
        responseFormat: prompt.responseFormat,
      })
    ).content,
  );

export const loadCorpus = (part: Part): Corpus => JSON.parse(readFileSync(corpusFile(part), 'utf8')) as Corpus;

/** Both layers (recognisers + the local model engine) over every document of a part, then the radiology leak check. */
export async function evaluate(corpus: Pick<Corpus, 'foia' | 'radiology'>) {
  const predicted: Span[][] = [];
  for (const doc of corpus.foia) predicted.push(await detectRedactions(doc.text, { model: localFoiaModel }));
  const foia = scoreFoia(corpus.foia, predicted);
  const radiology = await radiologyLeaks(corpus.radiology);
  return { foia, radiology, predicted };
}

/**
 * `npm run eval`: JSON lines per part — FOIA span scores per category, missed identifiers, must-not-redact hits, PHI
 * leaks, and content safety (harmful blocked per category, benign records blocked).
 */
async function main(): Promise<void> {
  const verbose = process.argv.includes('--verbose');
  for (const part of PART_NAMES) {
    const corpus = loadCorpus(part);
    const { foia, radiology, predicted } = await evaluate(corpus);
    for (const row of foia.perCategory) console.log(JSON.stringify({ eval: 'foia', part, ...row }));
    console.log(
      JSON.stringify({ eval: 'foia', part, documents: corpus.foia.length, missed: foia.missed, mustNot: foia.mustNot }),
    );
    const where = (w: string) => radiology.leaks.filter((l) => l.where === w).length;
    console.log(
      JSON.stringify({
        eval: 'radiology-deid',
        part,
        studies: corpus.radiology.length,
        phiTokens: radiology.tokens,
        leakedInPrompts: where('prompt'),
        leakedInFinetune: where('finetune'),
      }),
    );
    for (const line of safetyLines(part, scoreSafety(loadSafetySet(part)))) console.log(JSON.stringify(line));
    if (verbose && part === 'dev') {
      for (const l of radiology.leaks.slice(0, 40)) console.log(JSON.stringify({ leak: l }));
      corpus.foia.forEach((doc, i) => {
        const spans = predicted[i]!;
        for (const g of doc.gold)
          if (!spans.some((s) => s.category === g.category && s.start < g.end && g.start < s.end))
            console.log(JSON.stringify({ fn: g.category, text: g.text, doc: doc.id }));
        for (const s of spans)
          if (!doc.gold.some((g) => g.category === s.category && s.start < g.end && g.start < s.end))
            console.log(JSON.stringify({ fp: s.category, text: s.text, doc: doc.id }));
        for (const k of doc.keep)
          for (const s of spans.filter((x) => x.start < k.end && k.start < x.end))
            console.log(JSON.stringify({ mustNotHit: k.kind, keep: k.text, by: s.category, text: s.text }));
      });
    }
  }
}

if (require.main === module)
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
