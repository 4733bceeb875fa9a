import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { installCoreApi } from './core-api';

/** Files named by package.json `main` (a path or a glob such as `dist/functions/*.js`), like the worker reads it. */
export function entryFiles(appDir: string, main?: string): string[] {
  const pattern = main ?? readMain(appDir);
  if (!/[*?]/.test(pattern)) {
    const file = path.resolve(appDir, pattern);
    if (!existsSync(file))
      throw new Error(`package.json main "${pattern}" does not exist; run \`npm run build\` first`);
    return [file];
  }
  const base = pattern.slice(0, pattern.search(/[*?]/)).replace(/[^/]*$/, '');
  const root = path.resolve(appDir, base);
  if (!existsSync(root))
    throw new Error(`package.json main "${pattern}": folder ${base} does not exist; run \`npm run build\` first`);
  const matcher = globToRegExp(pattern);
  const files = readdirSync(root, { recursive: true, withFileTypes: false })
    .map((f) => path.posix.join(base, String(f).split(path.sep).join('/')))
    .filter((f) => matcher.test(f))
    .sort()
    .map((f) => path.resolve(appDir, f));
  if (files.length === 0)
    throw new Error(`package.json main "${pattern}" matches no file; run \`npm run build\` first`);
  return files;
}

function readMain(appDir: string): string {
  const pkg = JSON.parse(readFileSync(path.join(appDir, 'package.json'), 'utf8')) as { main?: string };
  if (!pkg.main)
    throw new Error(`${path.join(appDir, 'package.json')} has no "main": name the app's entry files there`);
  return pkg.main;
}

function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i]!;
    if (ch === '*' && glob[i + 1] === '*') {
      re += glob[i + 2] === '/' ? '(?:.*/)?' : '.*';
      i += glob[i + 2] === '/' ? 2 : 1;
    } else if (ch === '*') re += '[^/]*';
    else if (ch === '?') re += '[^/]';
    else re += ch.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re.replace(/^\.\//, '')}$`);
}

/** Installs the core API, then requires every entry file; the app registers its functions while loading. */
export function loadEntryFiles(files: string[]) {
  const core = installCoreApi();
  for (const file of files) require(file);
  core.locked = true;
  if (!core.programmingModel) {
    throw new Error('no function was registered: the entry files never called app.* from @azure/functions');
  }
  return core;
}
