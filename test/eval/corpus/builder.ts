/**
 * Builds a document piece by piece: the generator knows where it put each identifier, so gold spans are exact by
 * construction (never read back from a recogniser's output).
 */
export interface GoldSpan {
  start: number;
  end: number;
  category: string;
  text: string;
}

export interface KeepSpan {
  start: number;
  end: number;
  kind: string;
  text: string;
}

export class DocBuilder {
  text = '';
  gold: GoldSpan[] = [];
  keep: KeepSpan[] = [];

  /** Plain text with no identifier in it. */
  t(value: string): this {
    this.text += value;
    return this;
  }

  /** An identifier that must be redacted. */
  pii(category: string, value: string): this {
    const start = this.text.length;
    this.text += value;
    this.gold.push({ start, end: this.text.length, category, text: value });
    return this;
  }

  /** Text that must NOT be redacted (an official in a public role, a citation, an agency, a public address). */
  pub(kind: string, value: string): this {
    const start = this.text.length;
    this.text += value;
    this.keep.push({ start, end: this.text.length, kind, text: value });
    return this;
  }
}
