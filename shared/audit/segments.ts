/**
 * Where a chain lives: `YYYY/MM/DD/<writer>.jsonl`, then `<writer>.1.jsonl`, `<writer>.2.jsonl`, … once a segment
 * nears the append blob's 50,000-block limit. A writer name has no dots, so a name parses back unambiguously.
 */
export const WRITER_NAME = /^[\w-]{1,100}$/;

export const dayOf = (timestamp: string) => timestamp.slice(0, 10);

export const dayPrefix = (day: string) => `${day.replaceAll('-', '/')}/`;

export const chainBlobName = (day: string, writer: string, segment = 0) =>
  `${dayPrefix(day)}${writer}${segment > 0 ? `.${segment}` : ''}.jsonl`;

export interface SegmentName {
  day: string;
  chain: string;
  segment: number;
}

export function parseChainBlobName(name: string): SegmentName | undefined {
  const match = /^(\d{4})\/(\d{2})\/(\d{2})\/([\w-]{1,100})(?:\.([1-9]\d*))?\.jsonl$/.exec(name);
  if (!match) return undefined;
  return { day: `${match[1]}-${match[2]}-${match[3]}`, chain: match[4]!, segment: Number(match[5] ?? 0) };
}
