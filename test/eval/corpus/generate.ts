import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { GoldSpan, KeepSpan } from './builder';
import { DEV_TEMPLATES, type Template } from './foia-dev';
import { HELDOUT_TEMPLATES } from './foia-heldout';
import type { Part } from './people';
import { FoiaBuilder } from './pieces';
import { type RadiologyCase, radiologyCase } from './radiology-cases';
import { rng } from './rng';

export interface FoiaDoc {
  id: string;
  template: string;
  text: string;
  gold: GoldSpan[];
  keep: KeepSpan[];
}

export interface Corpus {
  part: Part;
  seed: number;
  foia: FoiaDoc[];
  radiology: RadiologyCase[];
}

/** Seeds and templates differ between the parts: held-out documents share no template, seed or name with dev. */
const PARTS: Record<Part, { seed: number; templates: Record<string, Template>; perTemplate: number; studies: number }> =
  {
    dev: { seed: 16_001, templates: DEV_TEMPLATES, perTemplate: 12, studies: 30 },
    heldout: { seed: 97_331, templates: HELDOUT_TEMPLATES, perTemplate: 10, studies: 30 },
  };

export function generate(part: Part): Corpus {
  const { seed, templates, perTemplate, studies } = PARTS[part];
  const r = rng(seed);
  const foia: FoiaDoc[] = [];
  for (const [template, build] of Object.entries(templates))
    for (let i = 0; i < perTemplate; i++) {
      const b = new FoiaBuilder(r, part);
      build(b, r, part);
      foia.push({ id: `${part}-${template}-${i}`, template, text: b.text, gold: b.gold, keep: b.keep });
    }
  const radiology = Array.from({ length: studies }, (_, i) => radiologyCase(r, part, `${part}-study-${i}`));
  return { part, seed, foia, radiology };
}

export const CORPUS_DIR = path.join(__dirname, '..', '..', '..', '..', 'test', 'eval', 'corpus');
export const corpusFile = (part: Part) => path.join(CORPUS_DIR, `${part}.json`);

/** `npm run eval:corpus` writes test/eval/corpus/{dev,heldout}.json (the committed copies are its output). */
if (require.main === module) {
  mkdirSync(CORPUS_DIR, { recursive: true });
  for (const part of ['dev', 'heldout'] as const) {
    const corpus = generate(part);
    writeFileSync(corpusFile(part), `${JSON.stringify(corpus, null, 1)}\n`);
    console.log(
      JSON.stringify({
        part,
        documents: corpus.foia.length,
        goldSpans: corpus.foia.reduce((n, d) => n + d.gold.length, 0),
        mustNotRedact: corpus.foia.reduce((n, d) => n + d.keep.length, 0),
        studies: corpus.radiology.length,
        phiValues: corpus.radiology.reduce((n, c) => n + c.phi.length, 0),
      }),
    );
  }
}
