import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Finding } from './rules';

/** Anonymous by design (README "Security model"): the platform probe and the review page (Entra ID in front). */
export const ANONYMOUS_ALLOWED = new Set(['health', 'reviewPage', 'reviewOpen', 'reviewDecide']);

export interface HttpFunction {
  file: string;
  line: number;
  name: string;
  /** What `authLevel` says; `@azure/functions` treats a missing one as anonymous. */
  authLevel: string;
}

/** Every `app.http(name, {...})` in functions/*.ts with its authLevel (the options object up to its closing brace). */
export function httpFunctions(functionsDir: string): HttpFunction[] {
  const found: HttpFunction[] = [];
  for (const file of readdirSync(functionsDir).filter((f) => f.endsWith('.ts'))) {
    const text = readFileSync(path.join(functionsDir, file), 'utf8');
    for (const match of text.matchAll(/app\.http\(\s*'([^']+)'\s*,\s*\{/g)) {
      let depth = 1;
      let end = match.index + match[0].length;
      while (depth > 0 && end < text.length) {
        const c = text[end++];
        if (c === '{') depth++;
        else if (c === '}') depth--;
      }
      const options = text.slice(match.index, end);
      // Only the top level of the options object: a nested object never sets the function's level.
      const level = /\n\s{2}authLevel:\s*'(\w+)'/.exec(options)?.[1] ?? 'anonymous';
      found.push({ file, line: text.slice(0, match.index).split('\n').length, name: match[1]!, authLevel: level });
    }
  }
  return found;
}

/** An anonymous HTTP function outside the allow-list is a finding: anyone on the internet could call it. */
export function anonymousFunctions(functionsDir: string): Finding[] {
  return httpFunctions(functionsDir)
    .filter((f) => f.authLevel === 'anonymous' && !ANONYMOUS_ALLOWED.has(f.name))
    .map((f) => ({
      rule: 'http-auth',
      file: `functions/${f.file}`,
      line: f.line,
      message: `HTTP function ${f.name} is anonymous (authLevel ${f.authLevel === 'anonymous' ? 'missing or anonymous' : f.authLevel}): set authLevel 'function' or 'admin', or add it to the documented allow-list`,
    }));
}
