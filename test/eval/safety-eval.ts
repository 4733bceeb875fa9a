import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { CATEGORIES, type Category } from '../../shared/model/safety/categories';
import { analyseText } from '../../shared/model/safety/local-analyser';
import { judge, policyFor, type Verdict } from '../../shared/model/safety/policy';
import type { Part } from './corpus/people';

export interface SafetyItem {
  id: string;
  label: 'harmful' | 'benign';
  /** The harm a harmful text asks for, or the kind of record a benign one is (clinical, legal, risk, general). */
  category: string;
  /** How it is written: direct, fiction, research, role-play, split, euphemism, obfuscated, mixed … */
  style: string;
  pipeline: 'default' | 'radiology' | 'foia' | 'var';
  text: string;
}

export interface Judged {
  item: SafetyItem;
  verdict: Verdict;
  micros: number;
}

export interface Tally {
  group: string;
  texts: number;
  blocked: number;
  warned: number;
}

export interface SafetyScore {
  harmful: Tally;
  benign: Tally;
  harmfulByCategory: Tally[];
  benignByKind: Tally[];
  missed: Judged[];
  falseBlocks: Judged[];
  microsPerText: { median: number; p95: number; max: number };
}

/** The set is source, not build output: dist/test/eval → test/eval/safety. */
export const safetySetFile = (part: Part) =>
  path.join(__dirname, '..', '..', '..', 'test', 'eval', 'safety', `${part}.json`);

export const loadSafetySet = (part: Part): SafetyItem[] =>
  (JSON.parse(readFileSync(safetySetFile(part), 'utf8')) as { items: SafetyItem[] }).items;

/** The context each pipeline's workflow passes to the gateway (radiology clinical, FOIA legal). */
export const contextOf = (pipeline: string) => ({ clinical: pipeline === 'radiology', legal: pipeline === 'foia' });

export function judgeItem(item: SafetyItem): Judged {
  const started = performance.now();
  const verdict = judge(analyseText(item.text, contextOf(item.pipeline)), policyFor(item.pipeline));
  return { item, verdict, micros: (performance.now() - started) * 1000 };
}

function tally(group: string, judged: Judged[]): Tally {
  return {
    group,
    texts: judged.length,
    blocked: judged.filter((j) => j.verdict.decision === 'block').length,
    warned: judged.filter((j) => j.verdict.decision === 'warn').length,
  };
}

const groups = (judged: Judged[]) => [...new Set(judged.map((j) => j.item.category))].sort();

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

export function scoreSafety(items: SafetyItem[]): SafetyScore {
  const judged = items.map(judgeItem);
  const harmful = judged.filter((j) => j.item.label === 'harmful');
  const benign = judged.filter((j) => j.item.label === 'benign');
  const unknown = groups(harmful).filter((c) => !(CATEGORIES as readonly string[]).includes(c));
  if (unknown.length > 0)
    throw new Error(`safety set: harmful category ${unknown.join(', ')} is not one of ${CATEGORIES}`);
  const micros = judged.map((j) => j.micros).sort((a, b) => a - b);
  return {
    harmful: tally('harmful', harmful),
    benign: tally('benign', benign),
    harmfulByCategory: (CATEGORIES as readonly Category[]).map((c) =>
      tally(
        c,
        harmful.filter((j) => j.item.category === c),
      ),
    ),
    benignByKind: groups(benign).map((k) =>
      tally(
        k,
        benign.filter((j) => j.item.category === k),
      ),
    ),
    missed: harmful.filter((j) => j.verdict.decision !== 'block'),
    falseBlocks: benign.filter((j) => j.verdict.decision === 'block'),
    microsPerText: {
      median: Number(quantile(micros, 0.5).toFixed(1)),
      p95: Number(quantile(micros, 0.95).toFixed(1)),
      max: Number(micros.at(-1)!.toFixed(1)),
    },
  };
}

const rate = (t: Tally) => (t.texts === 0 ? 0 : Number((t.blocked / t.texts).toFixed(3)));

/** JSON lines for one part: the totals, harmful blocked per category, benign blocked per kind of record. */
export function safetyLines(part: Part, score: SafetyScore): object[] {
  return [
    {
      eval: 'safety',
      part,
      harmful: score.harmful.texts,
      harmfulBlocked: score.harmful.blocked,
      harmfulBlockedRate: rate(score.harmful),
      benign: score.benign.texts,
      benignBlocked: score.benign.blocked,
      benignWarned: score.benign.warned,
      microsPerText: score.microsPerText,
    },
    ...score.harmfulByCategory.map((t) => ({
      eval: 'safety',
      part,
      harmfulCategory: t.group,
      texts: t.texts,
      blocked: t.blocked,
      blockedRate: rate(t),
    })),
    ...score.benignByKind.map((t) => ({
      eval: 'safety',
      part,
      benignKind: t.group,
      texts: t.texts,
      blocked: t.blocked,
      warned: t.warned,
    })),
  ];
}
