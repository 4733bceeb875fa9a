/**
 * ASP.NET-style route templates as Azure Functions uses them: literal segments, `{id}`, `{id?}`,
 * constraints (`{id:int}`, `{id:alpha}`, `{id:guid}`, `{id:bool}`, `{id:length(n)}`, `{id:regex(...)}`), `{*rest}`.
 * A value that fails its constraint means "no match" (404), as on Azure.
 */
export interface CompiledRoute {
  template: string;
  /** Literal segments first, then more segments: the order routes are tried in. */
  specificity: number;
  match(pathSegments: string[]): Record<string, string> | undefined;
}

interface Segment {
  literal?: string;
  name?: string;
  optional?: boolean;
  catchAll?: boolean;
  constraints: ((value: string) => boolean)[];
}

const CONSTRAINTS: Record<string, (arg?: string) => (v: string) => boolean> = {
  int: () => (v) => /^-?\d+$/.test(v),
  long: () => (v) => /^-?\d+$/.test(v),
  alpha: () => (v) => /^[a-z]+$/i.test(v),
  bool: () => (v) => /^(true|false)$/i.test(v),
  guid: () => (v) => /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i.test(v),
  datetime: () => (v) => !Number.isNaN(Date.parse(v)),
  decimal: () => (v) => /^-?\d+(\.\d+)?$/.test(v),
  double: () => (v) => /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(v),
  length: (arg) => (v) => {
    const [min, max] = (arg ?? '').split(',').map(Number);
    return max === undefined ? v.length === min : v.length >= (min ?? 0) && v.length <= max;
  },
  minlength: (arg) => (v) => v.length >= Number(arg),
  maxlength: (arg) => (v) => v.length <= Number(arg),
  min: (arg) => (v) => Number(v) >= Number(arg),
  max: (arg) => (v) => Number(v) <= Number(arg),
  regex: (arg) => (v) => new RegExp(arg ?? '').test(v),
};

function parseSegment(text: string, template: string): Segment {
  const m = /^\{(\*)?([^}:?]+)((?::[^:}]+(?:\([^)]*\))?)*)(\?)?\}$/.exec(text);
  if (!m) return { literal: text.toLowerCase(), constraints: [] };
  const constraints = [...(m[3] ?? '').matchAll(/:([a-z]+)(?:\(([^)]*)\))?/gi)].map(([, kind, arg]) => {
    const make = CONSTRAINTS[kind!.toLowerCase()];
    if (!make) throw new Error(`route "${template}": unknown constraint "${kind}"`);
    return make(arg);
  });
  return { name: m[2], catchAll: m[1] === '*', optional: m[4] === '?', constraints };
}

export function compileRoute(prefix: string, route: string): CompiledRoute {
  const template = [prefix, route].filter(Boolean).join('/');
  const segments = template
    .split('/')
    .filter(Boolean)
    .map((s) => parseSegment(s, template));
  const literals = segments.filter((s) => s.literal !== undefined).length;
  return {
    template,
    specificity: literals * 100 + segments.length - (segments.some((s) => s.catchAll) ? 50 : 0),
    match(parts) {
      const params: Record<string, string> = {};
      for (let i = 0; i < segments.length; i++) {
        const seg = segments[i]!;
        const part = parts[i];
        if (seg.literal !== undefined) {
          if (part === undefined || part.toLowerCase() !== seg.literal) return undefined;
          continue;
        }
        if (seg.catchAll) {
          const rest = parts.slice(i).join('/');
          if (rest) params[seg.name!] = rest;
          return params;
        }
        if (part === undefined) {
          if (seg.optional) continue;
          return undefined;
        }
        if (!seg.constraints.every((ok) => ok(part))) return undefined;
        params[seg.name!] = part;
      }
      return parts.length <= segments.length ? params : undefined;
    },
  };
}

/** Splits a URL path into decoded segments; undefined when a segment is not valid percent-encoding. */
export function pathSegments(pathname: string): string[] | undefined {
  try {
    return pathname.split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    return undefined;
  }
}
