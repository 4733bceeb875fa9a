import { type Category, type Severities, zeroSeverities } from './categories';

interface Rule {
  category: Category;
  pattern: RegExp;
  severity: number;
}

/**
 * Lexicon rules, strongest first within a category. Severity follows the Content Safety scale: 2 mentions or
 * descriptions, 4 endorsement or graphic detail, 6 intent, instructions or threats.
 */
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

/** Clinical or legal context: injury, self-harm and crime described as findings or records, not intent. */
const CLINICAL =
  /\b(patient|history of|radiolog\w*|ct|mri|x-?ray|exam(?:ination)?|findings?|impression|fracture|wound|mm|cm|contrast|pneumothorax|haemorrhage|hemorrhage|status post|s\/p|indication|trauma)\b/i;
const LEGAL =
  /\b(exemption|foia|redact\w*|case (?:file|number)|investigat\w*|indict\w*|alleged|defendant|court|statute|pursuant|(?:b)\(\d\))\b/i;

export interface AnalysisContext {
  clinical?: boolean;
  legal?: boolean;
}

/**
 * The local content-safety analyser: lexicons plus context rules, one sentence at a time. In a clinical or legal
 * context a descriptive mention stays at severity 2 and intent-level phrasing is capped at 4 when it is plainly
 * reported speech of a record ("patient states he wanted to end his life"), so the radiology and FOIA policies do not
 * block their own subject matter.
 */
export function analyseText(text: string, context: AnalysisContext = {}): Severities {
  const result = zeroSeverities();
  for (const sentence of text.split(/(?<=[.!?\n])\s+/)) {
    const clinical = context.clinical || CLINICAL.test(sentence);
    const legal = context.legal || LEGAL.test(sentence);
    for (const rule of RULES) {
      if (!rule.pattern.test(sentence)) continue;
      let severity = rule.severity;
      const reported =
        /\b(patient|he|she|they|the subject|the witness)\s+(?:states?|stated|reports?|reported|said|told)\b/i.test(
          sentence,
        );
      if (severity >= 6 && (clinical || legal) && reported) severity = 4;
      if (severity <= 2 && (clinical || legal)) severity = Math.min(severity, 2);
      if (severity <= 2 && !clinical && !legal && /\b(how to|i will|i'm going to|step[- ]by[- ]step)\b/i.test(sentence))
        severity = 4;
      result[rule.category] = Math.max(result[rule.category], severity);
    }
  }
  return result;
}
