import type { Finding } from './study';

export interface CriticalRule {
  name: string;
  pattern: RegExp;
  /** ACR actionable category: 1 minutes (direct communication), 2 hours, 3 days. */
  acrCategory: 1 | 2 | 3;
}

/** The default list of critical results; configurable per site. */
export const CRITICAL_RULES: CriticalRule[] = [
  { name: 'tension pneumothorax', pattern: /tension pneumothorax/i, acrCategory: 1 },
  {
    name: 'intracranial haemorrhage',
    pattern:
      /intracranial (?:haemorrhage|hemorrhage|bleed)|subdural (?:haematoma|hematoma)|subarachnoid (?:haemorrhage|hemorrhage)|epidural (?:haematoma|hematoma)/i,
    acrCategory: 1,
  },
  {
    name: 'aortic dissection',
    pattern: /aortic dissection|dissection of the (?:thoracic |abdominal )?aorta/i,
    acrCategory: 1,
  },
  { name: 'pneumoperitoneum (free air)', pattern: /free (?:intraperitoneal )?air|pneumoperitoneum/i, acrCategory: 1 },
  { name: 'pulmonary embolism', pattern: /pulmonary (?:embolism|emboli|embolus)|\bPE\b/i, acrCategory: 1 },
  { name: 'pneumothorax', pattern: /(?<!tension )pneumothorax/i, acrCategory: 2 },
  { name: 'bowel obstruction', pattern: /(?:small|large) bowel obstruction/i, acrCategory: 2 },
  {
    name: 'suspected malignancy',
    pattern: /suspicious for (?:malignancy|neoplasm)|mass (?:suspicious|concerning)/i,
    acrCategory: 3,
  },
];

export interface CriticalFinding {
  name: string;
  acrCategory: 1 | 2 | 3;
  source: 'findings' | 'dictation';
  laterality?: string;
}

const NEGATION = /\b(no|without|negative for|free of|resolved|no evidence of|not)\b[^.;]*$/i;

/** Critical results in structured findings and dictation; "no pneumothorax" is not one. */
export function detectCritical(
  findings: Finding[],
  dictation: string,
  rules: CriticalRule[] = CRITICAL_RULES,
): CriticalFinding[] {
  const found = new Map<string, CriticalFinding>();
  for (const f of findings) {
    if (f.negated || f.change === 'resolved') continue;
    const rule = rules.find((r) => r.pattern.test(f.observation));
    if (rule)
      found.set(rule.name, {
        name: rule.name,
        acrCategory: rule.acrCategory,
        source: 'findings',
        laterality: f.laterality === 'none' ? undefined : f.laterality,
      });
  }
  for (const sentence of dictation.split(/(?<=[.;\n])\s*/)) {
    for (const rule of rules) {
      const match = rule.pattern.exec(sentence);
      if (!match || found.has(rule.name)) continue;
      if (NEGATION.test(sentence.slice(0, match.index))) continue;
      found.set(rule.name, { name: rule.name, acrCategory: rule.acrCategory, source: 'dictation' });
    }
  }
  return [...found.values()].sort((a, b) => a.acrCategory - b.acrCategory);
}
