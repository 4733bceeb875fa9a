/**
 * Translates a Bicep expression (object and array literals, for-expressions, interpolated strings, ternaries,
 * function calls) into JavaScript source, so the check can evaluate what our templates compute — e.g. the
 * MODEL_ENDPOINTS app setting — and validate it with the app's own zod schema.
 */
export function bicepToJs(source: string): string {
  let out = '';
  let i = 0;
  while (i < source.length) {
    const ch = source[i]!;
    if (ch === "'") {
      const [js, end] = translateString(source, i);
      out += js.startsWith('`') && isKey(out, source.slice(end + 1)) ? `[${js}]` : js;
      i = end + 1;
    } else if (ch === '[' && /^\[\s*for\b/.test(source.slice(i))) {
      const [js, end] = translateFor(source, i);
      out += js;
      i = end + 1;
    } else if (ch === '\n') {
      out += '\n';
      i++;
    } else {
      out += ch;
      i++;
    }
  }
  return insertSeparators(out);
}

/** An interpolated string in key position (`'${id}': {}`) becomes a computed JavaScript key. */
function isKey(before: string, after: string): boolean {
  return /^[ \t]*:/.test(after) && /(^|[{,\n])\s*$/.test(before);
}

function translateString(source: string, open: number): [string, number] {
  let i = open + 1;
  let literal = '';
  const parts: string[] = [];
  let interpolated = false;
  while (i < source.length && source[i] !== "'") {
    if (source[i] === '\\') {
      literal += source[i + 1];
      i += 2;
    } else if (source[i] === '$' && source[i + 1] === '{') {
      const end = matching(source, i + 1, '{', '}');
      parts.push(escapeTemplate(literal), `\${${bicepToJs(source.slice(i + 2, end))}}`);
      literal = '';
      interpolated = true;
      i = end + 1;
    } else {
      literal += source[i];
      i++;
    }
  }
  if (!interpolated) return [JSON.stringify(literal), i];
  parts.push(escapeTemplate(literal));
  return [`\`${parts.join('')}\``, i];
}

function translateFor(source: string, open: number): [string, number] {
  const close = matching(source, open, '[', ']');
  const inner = source.slice(open + 1, close);
  const head = /^\s*for\s+(?:\(\s*(\w+)\s*,\s*(\w+)\s*\)|(\w+))\s+in\s+/.exec(inner);
  if (!head) throw new SyntaxError(`unsupported for-expression: ${inner.slice(0, 60)}`);
  const rest = inner.slice(head[0].length);
  const colon = topLevelIndex(rest, ':');
  const collection = bicepToJs(rest.slice(0, colon));
  const body = bicepToJs(rest.slice(colon + 1));
  const params = head[3] ? head[3] : `${head[1]}, ${head[2]}`;
  return [`(${collection}).map((${params}) => (${body}))`, close];
}

function matching(source: string, open: number, opener: string, closer: string): number {
  let depth = 0;
  for (let i = open; i < source.length; i++) {
    const ch = source[i];
    if (ch === "'") i = skipString(source, i);
    else if (ch === opener) depth++;
    else if (ch === closer && --depth === 0) return i;
  }
  throw new SyntaxError(`no closing ${closer} for ${opener} at ${open}`);
}

function topLevelIndex(source: string, target: string): number {
  let depth = 0;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (ch === "'") i = skipString(source, i);
    else if ('([{'.includes(ch)) depth++;
    else if (')]}'.includes(ch)) depth--;
    else if (ch === target && depth === 0) return i;
  }
  throw new SyntaxError(`no top-level "${target}" in ${source.slice(0, 60)}`);
}

function skipString(source: string, open: number): number {
  let i = open + 1;
  while (i < source.length && source[i] !== "'") i += source[i] === '\\' ? 2 : 1;
  return i;
}

function escapeTemplate(text: string): string {
  return text.replace(/[`\\]/g, (c) => `\\${c}`).replace(/\$\{/g, '\\${');
}

/** Bicep separates object properties and array items by newlines; JavaScript needs commas. */
function insertSeparators(js: string): string {
  const lines = js.split('\n');
  let result = '';
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!;
    result += line;
    if (n === lines.length - 1) break;
    const before = result.trimEnd().slice(-1);
    const after = lines
      .slice(n + 1)
      .join('\n')
      .trimStart()
      .slice(0, 1);
    const needsComma = before !== '' && !'{[(,?:'.includes(before) && after !== '' && !'}])?:'.includes(after);
    result += needsComma ? ',\n' : '\n';
  }
  return result;
}
