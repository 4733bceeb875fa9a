import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Values of local.settings.json (git-ignored), falling back to the shipped local.settings.example.json. */
export function readLocalSettings(appDir: string): { file: string; values: Record<string, string>; port?: number } {
  for (const name of ['local.settings.json', 'local.settings.example.json']) {
    const file = path.join(appDir, name);
    if (!existsSync(file)) continue;
    let parsed: { Values?: Record<string, unknown>; Host?: { LocalHttpPort?: number } };
    try {
      parsed = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      throw new Error(`${file} is not valid JSON: ${(error as Error).message}`);
    }
    const values = Object.fromEntries(Object.entries(parsed.Values ?? {}).map(([k, v]) => [k, String(v)]));
    return { file, values, port: parsed.Host?.LocalHttpPort };
  }
  return { file: '(none)', values: {} };
}
