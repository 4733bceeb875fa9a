/**
 * Just enough of Bicep to check our own templates without the compiler (which cannot be installed here):
 * top-level declarations with their decorators and body text, and the keys of object literals.
 */
export interface Declaration {
  kind: 'param' | 'var' | 'resource' | 'module' | 'output' | 'targetScope';
  name: string;
  /** Resource type with API version (`Microsoft.Storage/storageAccounts@2023-05-01`) or module path. */
  target?: string;
  decorators: string[];
  /** Text after the name up to the next top-level declaration. */
  body: string;
  existing: boolean;
  line: number;
}

const START = /^(param|var|resource|module|output|targetScope)\b\s*([A-Za-z_][\w]*)?\s*(?:'([^']*)')?/;

export function parseBicep(text: string): Declaration[] {
  const lines = text.split('\n');
  const declarations: Declaration[] = [];
  let decorators: string[] = [];
  let current: Declaration | undefined;
  lines.forEach((line, index) => {
    if (line.startsWith('@')) {
      decorators.push(line.trim());
      current = undefined;
      return;
    }
    const match = START.exec(line);
    if (match) {
      current = {
        kind: match[1] as Declaration['kind'],
        name: match[2] ?? '',
        target: match[3],
        decorators,
        body: line.slice(match[0].length),
        existing: /'\s+existing\b/.test(line),
        line: index + 1,
      };
      declarations.push(current);
      decorators = [];
      return;
    }
    // Whole-line comments carry no value and may hold quotes the expression translator would misread.
    if (current && !line.trimStart().startsWith('//')) current.body += `\n${line}`;
  });
  return declarations;
}

/** Top-level keys of the first object literal in `text` (strings and nested braces skipped). */
export function objectKeys(text: string): string[] {
  return objectEntries(text).map((e) => e.key);
}

/** Top-level properties of the first object literal in `text`, each with the source text of its value. */
export function objectEntries(text: string): { key: string; value: string }[] {
  const start = text.indexOf('{');
  if (start < 0) return [];
  const entries: { key: string; value: string }[] = [];
  let open: { key: string; from: number } | undefined;
  const close = (at: number) => {
    if (open) entries.push({ key: open.key, value: text.slice(open.from, at).trim() });
    open = undefined;
  };
  let depth = 0;
  let atLineStart = false;
  for (let i = start; i < text.length; i++) {
    const ch = text[i] ?? '';
    if (atLineStart && depth === 1 && !/\s/.test(ch)) {
      atLineStart = false;
      const key = /^('([^']*)'|[A-Za-z_][\w]*)\s*:/.exec(text.slice(i));
      if (key) {
        open = { key: key[2] ?? key[1]!, from: i + key[0].length };
        i += key[0].length - 1;
        continue;
      }
    }
    if (ch === "'") {
      i = skipString(text, i);
      continue;
    }
    if (ch === '{' || ch === '[' || ch === '(') depth++;
    else if (ch === '}' || ch === ']' || ch === ')') {
      depth--;
      if (depth === 0) {
        close(i);
        break;
      }
    }
    if (depth === 1 && (ch === '\n' || ch === ',')) close(i);
    if (ch === '\n' || ch === '{' || ch === ',') atLineStart = true;
  }
  return entries;
}

function skipString(text: string, open: number): number {
  let i = open + 1;
  while (i < text.length) {
    if (text[i] === '\\') i += 2;
    else if (text[i] === "'") return i;
    else i++;
  }
  return i;
}
