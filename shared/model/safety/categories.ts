export const CATEGORIES = ['hate', 'sexual', 'violence', 'selfHarm', 'illegalActivity'] as const;
export type Category = (typeof CATEGORIES)[number];
export type Severities = Record<Category, number>;

export const zeroSeverities = (): Severities => ({ hate: 0, sexual: 0, violence: 0, selfHarm: 0, illegalActivity: 0 });

/** Azure OpenAI annotations give labels; the numeric scale maps safe→0, low→2, medium→4, high→6. */
export const SEVERITY_OF_LABEL: Record<string, number> = { safe: 0, low: 2, medium: 4, high: 6 };

export function labelOf(severity: number): 'safe' | 'low' | 'medium' | 'high' {
  return severity >= 6 ? 'high' : severity >= 4 ? 'medium' : severity >= 2 ? 'low' : 'safe';
}

/** Azure's annotation keys for our categories; illegal activity is ours alone and has none. */
export const AZURE_KEYS: Partial<Record<Category, string>> = {
  hate: 'hate',
  sexual: 'sexual',
  violence: 'violence',
  selfHarm: 'self_harm',
};

/** What a safety analysis decided for one text. */
export interface Verdict {
  severities: Severities;
  decision: 'allow' | 'warn' | 'block';
  flagged: Category[];
}
