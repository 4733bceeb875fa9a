import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** The files a batch command works on: each argument is a file, or a folder whose matching files are taken (sorted). */
export function batchFiles(paths: string[], extensions: string[]): string[] {
  const files: string[] = [];
  for (const p of paths) {
    let stat: ReturnType<typeof statSync>;
    try {
      stat = statSync(p);
    } catch {
      throw new Error(`${p}: no such file or folder`);
    }
    if (!stat.isDirectory()) {
      files.push(p);
      continue;
    }
    const inside = readdirSync(p)
      .filter((name) => extensions.includes(path.extname(name).toLowerCase()))
      .sort()
      .map((name) => path.join(p, name));
    if (inside.length === 0) throw new Error(`${p}: no ${extensions.join('/')} files in this folder`);
    files.push(...inside);
  }
  return files;
}
