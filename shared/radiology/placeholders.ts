/** The placeholders of one study: each value gets one (dates excepted: every date is its own), numbered per kind. */
export interface Placeholders {
  /** Placeholder → original value, kept inside the boundary to re-identify the draft. */
  readonly mapping: Record<string, string>;
  of(kind: string, value: string): string;
}

export function createPlaceholders(): Placeholders {
  const mapping: Record<string, string> = {};
  const counters: Record<string, number> = {};
  const of = (kind: string, value: string) => {
    const existing = Object.entries(mapping).find(([, v]) => v === value && kind !== 'DATE');
    if (existing) return existing[0];
    counters[kind] = (counters[kind] ?? 0) + 1;
    const key = counters[kind] === 1 && kind !== 'DATE' ? `[${kind}]` : `[${kind}_${counters[kind]}]`;
    mapping[key] = value;
    return key;
  };
  return { mapping, of };
}
