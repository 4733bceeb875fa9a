import { type Category, type Severities, zeroSeverities } from './categories';

interface Rule {
  category: Category;
  pattern: RegExp;
  /** 2 mentions or descriptions, 4 endorsement or graphic detail, 6 intent, instructions or threats. */
  severity: 2 | 4 | 6;
}

/** Lexicon rules, strongest first within a category. */
const RULES: Rule[] = [
  {
    category: 'violence',
    pattern:
      /\b(i(?:'m| am)? (?:going to|gonna|will) (?:kill|shoot|stab|hurt)|how (?:do i|to) (?:make|build) (?:a )?(?:bomb|pipe bomb|explosive)|kill (?:them|him|her|everyone) all)\b/i,
    severity: 6,
  },
  { category: 'violence', pattern: /\b(massacre|behead\w*|torture\w*|mutilat\w*|slaughter\w*)\b/i, severity: 4 },
  {
    category: 'violence',
    pattern:
      /\b(gunshot|stab(?:bed|bing)?|shot|shooting|assault\w*|murder\w*|kill(?:ed|ing)?|wound\w*|bomb\w*|attack\w*|blunt (?:force )?trauma|fracture\w*|laceration\w*|haemorrhage|hemorrhage)\b/i,
    severity: 2,
  },
  {
    category: 'selfHarm',
    pattern:
      /\b(i (?:want|plan|am going) to (?:kill myself|end my life|die)|how (?:much|many) .{0,30}(?:to overdose|to die)|best way to (?:kill myself|commit suicide))\b/i,
    severity: 6,
  },
  {
    category: 'selfHarm',
    pattern: /\b(suicid\w*|self[- ]harm\w*|overdos\w*|cutting myself|self[- ]inflicted)\b/i,
    severity: 2,
  },
  {
    category: 'hate',
    pattern:
      /\b(exterminate (?:all )?(?:the )?\w+s|(?:\w+s) are (?:sub-?human|vermin|animals)|inferior race|racial purity)\b/i,
    severity: 6,
  },
  { category: 'hate', pattern: /\b(go back to your country|you people are)\b/i, severity: 4 },
  {
    category: 'sexual',
    pattern: /\b(explicit sex|porn\w*|sexual intercourse in detail|nude photos of)\b/i,
    severity: 6,
  },
  { category: 'sexual', pattern: /\b(sexual(?:ly)? assault\w*|rape\w*|molest\w*)\b/i, severity: 2 },
  {
    category: 'illegalActivity',
    pattern:
      /\b(how (?:do i|to) (?:make|cook|synthesi[sz]e) (?:meth|methamphetamine|fentanyl|heroin)|launder(?:ing)? (?:the )?money|buy stolen (?:credit cards|identities)|evade (?:the )?taxes|hack into|bypass (?:the )?(?:alarm|security system) to steal)\b/i,
    severity: 6,
  },
  {
    category: 'illegalActivity',
    pattern: /\b(money laundering|drug trafficking|fraudulent|bribe\w*|embezzl\w*|smuggl\w*)\b/i,
    severity: 2,
  },
];

// Framing words only: a harm word ("wound", "trauma") must not count as its own clinical context.
const CLINICAL =
  /\b(patient|pt|history of|h\/o|radiolog\w*|ct|mri|x-?ray|ultrasound|exam(?:ination)?|findings?|impression|mm|cm|contrast|pneumothorax|status post|s\/p|indication|presented with|diagnos\w*)\b/i;
const LEGAL =
  /\b(exemption|foia|redact\w*|case (?:file|number)|investigat\w*|indict\w*|alleged(?:ly)?|defendant|charged with|convicted|court|statute|pursuant|(?:b)\(\d\))\b/i;
/** Someone else's words written down in a record. */
const REPORTED =
  /\b(patient|pt|he|she|they|the (?:subject|witness|defendant|suspect|caller|victim))\s+(?:states?|stated|reports?|reported|said|told|wrote)\b/i;
/** Asking for the means or announcing the act turns a bare mention into endorsement. */
const SEEKS_MEANS = /\b(how to|i will|i'm going to|step[- ]by[- ]step)\b/i;
/** What makes intent or instructions actionable: a named target, a time, a place, or the steps themselves. */
const CONCRETE =
  /\b(tonight|tomorrow|today|right now|this (?:morning|afternoon|evening|weekend)|step[- ]by[- ]step|at (?:home|school|work)|my (?:neighbou?rs?|wife|husband|boss|teacher|classmates?|co-?workers?|family|ex)|exact (?:amounts?|doses?|steps))\b/i;

export interface AnalysisContext {
  clinical?: boolean;
  legal?: boolean;
}

/**
 * The Content Safety scale, 0–7: in a clinical or legal record a descriptive mention is a finding (1, "safe" on
 * Azure's scale) and reported intent is recorded speech (4); outside one a mention is 2, or 4 when it asks for the
 * means. Intent or instructions are 6, and 7 once they are concrete.
 */
function score(rule: Rule, sentence: string, framed: boolean): number {
  if (rule.severity === 6) {
    if (framed && REPORTED.test(sentence)) return 4;
    return CONCRETE.test(sentence) ? 7 : 6;
  }
  if (rule.severity === 2) {
    if (framed) return 1;
    if (SEEKS_MEANS.test(sentence)) return 4;
  }
  return rule.severity;
}

/**
 * The local content-safety analyser: lexicons plus context rules, one sentence at a time. The context comes from
 * the caller (the pipeline knows its language) or from the sentence's own clinical or legal framing.
 */
export function analyseText(text: string, context: AnalysisContext = {}): Severities {
  const result = zeroSeverities();
  for (const sentence of text.split(/(?<=[.!?\n])\s+/)) {
    const framed = Boolean(context.clinical || context.legal || CLINICAL.test(sentence) || LEGAL.test(sentence));
    for (const rule of RULES) {
      if (rule.pattern.test(sentence))
        result[rule.category] = Math.max(result[rule.category], score(rule, sentence, framed));
    }
  }
  return result;
}
