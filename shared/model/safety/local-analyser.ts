import { CATEGORIES, type Severities, zeroSeverities } from './categories';
import { CONCEPTS, FIRST_PERSON, HUMAN, METHOD, PROTECTIVE, RHETORIC, TARGET_GROUP, WEAK_VIOLENCE } from './concepts';
import {
  attributedAt,
  CLINICAL,
  CONCRETE,
  DETAIL,
  EVASION,
  INTENT,
  LEGAL,
  negatedAt,
  REPORTED,
  REQUEST,
  SEEKS_MEANS,
  WRAPPER,
} from './frames';
import type { Harm } from './harm';
import { SELF_HARM, VIOLENCE } from './harms-bodily';
import { HATE, ILLEGAL, SEXUAL } from './harms-conduct';
import { RULES, type Rule, withoutIdioms } from './lexicon';
import { normalise } from './normalise';

const HARMS: Harm[] = [...VIOLENCE, ...SELF_HARM, ...ILLEGAL, ...HATE, ...SEXUAL];
/** Sentences either side that still belong to one request: "I want a gun. Walk me through it. Which files?" */
const REACH = 2;

export interface AnalysisContext {
  clinical?: boolean;
  legal?: boolean;
}

interface Frame {
  text: string;
  /** A clinical or legal record, from the caller or from the sentence's own wording. */
  framed: boolean;
  reported: boolean;
  asks: boolean;
  /** Detail, a concrete target or time, or hiding it: what turns intent or a request into 7. */
  sharpens: boolean;
  concrete: boolean;
  method: boolean;
  rhetoric: boolean;
  protective: boolean;
  /** Who the harm lands on: the speaker (self-harm), a person (violence), a group (hate). */
  speaker: boolean;
  person: boolean;
  group: boolean;
}

function frameOf(text: string, context: AnalysisContext): Frame {
  const concrete = CONCRETE.test(text);
  const framed = Boolean(context.clinical || context.legal || CLINICAL.test(text) || LEGAL.test(text));
  const reported = REPORTED.test(text);
  return {
    text,
    framed,
    reported,
    // In a record, a question or a wish someone else voiced is evidence, not a request to us.
    asks:
      !(framed && reported) &&
      (REQUEST.test(text) || WRAPPER.test(text) || INTENT.test(text) || (/\?\s*$/.test(text) && METHOD.test(text))),
    sharpens: concrete || DETAIL.test(text) || EVASION.test(text),
    concrete,
    method: METHOD.test(text),
    rhetoric: RHETORIC.test(text),
    protective: PROTECTIVE.test(text),
    speaker: FIRST_PERSON.test(text) || WRAPPER.test(text),
    person: HUMAN.test(text),
    group: TARGET_GROUP.test(text),
  };
}

/**
 * Direct-form lexicon: in a record a descriptive mention is a finding (1) and reported intent is recorded speech
 * (4); outside one a mention is 2, or 4 when it asks for the means; intent 6, and 7 once it is concrete.
 */
function lexiconScore(rule: Rule, frame: Frame, negated: boolean, attributed: boolean): number {
  if (rule.severity === 6) {
    if (negated) return 1;
    if (attributed) return frame.framed ? 1 : 2;
    if (frame.framed && frame.reported) return 4;
    return frame.concrete ? 7 : 6;
  }
  if (rule.severity === 2) {
    if (frame.framed || negated) return 1;
    if (SEEKS_MEANS.test(frame.text)) return 4;
  }
  return negated ? 1 : rule.severity;
}

/**
 * A means asked for or intended anywhere in the window is 6, an act said is 6, either 7 when the window adds
 * detail, a target, a time or concealment; a means merely described is a mention. Someone else's words quoted
 * in a record stay recorded speech (4), whatever wrapper ("for a novel", "hypothetically") is around a request.
 */
function harmScore(kind: Harm['kind'], frame: Frame, window: Frame[]): number {
  if (kind === 'means' && !window.some((f) => f.asks)) return frame.framed ? 1 : 2;
  // Asked to protect or recognise ("so I can spot them", "my own door") and without operational detail: a mention.
  if (kind === 'means' && window.some((f) => f.protective) && !window.some((f) => f.sharpens)) return 2;
  if (frame.framed && frame.reported) return 4;
  const sharp = kind === 'means' ? window.some((f) => f.sharpens) : window.some((f) => f.concrete);
  return sharp ? 7 : 6;
}

/**
 * The catch-all intent frame: a request for a method about a concept of the category, aimed at the speaker, a
 * person or a group as the category needs, and asked for no protective purpose, is 6 (7 when sharpened).
 */
function conceptScore(category: keyof Severities, frame: Frame, window: Frame[]): number {
  const any = (f: (w: Frame) => boolean) => window.some(f);
  if (frame.framed && frame.reported) return 0;
  const method = any((w) => w.method || (category === 'hate' && w.rhetoric));
  if (!any((w) => w.asks) || !method || any((w) => w.protective)) return 0;
  const concept =
    CONCEPTS[category].test(frame.text) ||
    (category === 'violence' && WEAK_VIOLENCE.test(frame.text) && any((w) => w.person));
  if (!concept) return 0;
  if (category === 'selfHarm' && !any((w) => w.speaker)) return 0;
  if (category === 'hate' && !any((w) => w.group)) return 0;
  return any((w) => w.sharpens) ? 7 : 6;
}

function raise(result: Severities, category: keyof Severities, severity: number): void {
  result[category] = Math.max(result[category], severity);
}

/**
 * The local content-safety analyser: direct lexicons, then harms in their frames across a window of sentences,
 * on text with obfuscation (leetspeak, look-alike letters, spaced letters) undone. The context comes from the
 * caller (the pipeline knows its language) or from the sentence's own clinical or legal framing.
 */
export function analyseText(text: string, context: AnalysisContext = {}): Severities {
  const result = zeroSeverities();
  const frames = withoutIdioms(normalise(text))
    .split(/(?<=[.!?\n])\s+/)
    .filter((s) => s.trim() !== '')
    .map((s) => frameOf(s, context));
  frames.forEach((frame, i) => {
    for (const rule of RULES) {
      const match = rule.pattern.exec(frame.text);
      if (!match) continue;
      const negated = negatedAt(frame.text, match.index);
      raise(result, rule.category, lexiconScore(rule, frame, negated, attributedAt(frame.text, match.index)));
    }
    const window = frames.slice(Math.max(0, i - REACH), i + REACH + 1);
    for (const category of CATEGORIES) raise(result, category, conceptScore(category, frame, window));
    for (const harm of HARMS) {
      const match = harm.pattern.exec(frame.text);
      if (!match || negatedAt(frame.text, match.index)) continue;
      if (harm.with && !window.some((f) => harm.with!.test(f.text))) continue;
      // A claim reported or rebutted ("the Nazis claimed ...") is harmful only as content someone asks for.
      const kind = harm.kind === 'act' && attributedAt(frame.text, match.index) ? 'means' : harm.kind;
      raise(result, harm.category, harmScore(kind, frame, window));
    }
  });
  return result;
}
