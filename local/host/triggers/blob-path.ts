/** Matches a blob trigger path such as `container/{name}` or `inbox/{requestId}/{file}`; tokens become metadata. */
export function matchBlobPath(pattern: string, blobPath: string): Record<string, string> | undefined {
  const names: string[] = [];
  const source = pattern
    .split(/(\{[^}]+\})/)
    .map((part) => {
      if (/^\{[^}]+\}$/.test(part)) {
        names.push(part.slice(1, -1));
        return names.length === countTokens(pattern) ? '(.+)' : '([^/]+)';
      }
      return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
  const match = new RegExp(`^${source}$`).exec(blobPath);
  return match ? Object.fromEntries(names.map((n, i) => [n, match[i + 1]!])) : undefined;
}

const countTokens = (pattern: string) => (pattern.match(/\{[^}]+\}/g) ?? []).length;

export function containerOf(pattern: string): string {
  const container = pattern.split('/')[0] ?? '';
  if (!container || container.includes('{'))
    throw new Error(`blob trigger path "${pattern}" must start with a container name`);
  return container;
}
