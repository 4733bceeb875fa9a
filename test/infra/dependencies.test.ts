import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { repoRoot } from '../support/app-host';

const sources = (dir: string): string[] =>
  readdirSync(path.join(repoRoot, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => path.join(e.parentPath, e.name));

test('azurite is a devDependency, and nothing the app deploys imports it or local/', () => {
  const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
  assert.equal(pkg.dependencies.azurite, undefined, 'azurite ships to Azure as a production dependency');
  assert.equal(pkg.devDependencies.azurite, '3.35.0');
  const lock = JSON.parse(readFileSync(path.join(repoRoot, 'package-lock.json'), 'utf8'));
  assert.equal(lock.packages['node_modules/azurite'].dev, true, 'package-lock.json still lists azurite for production');
  const offenders = ['functions', 'workflows', 'shared'].flatMap(sources).filter((file) => {
    const text = readFileSync(file, 'utf8');
    return /from '(azurite|[./]*local\/)|require\('azurite/.test(text);
  });
  assert.deepEqual(offenders, []);
});
