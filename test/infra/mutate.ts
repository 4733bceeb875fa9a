import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readTemplates, type Template } from '../../infra/check/rules';
import { checkInfra } from '../../infra/check/run';

export const infraDir = path.join(__dirname, '..', '..', '..', 'infra');
const copies: string[] = [];

/** Pass to `after`: removes the copies `mutated` made. */
export function removeCopies(): void {
  for (const dir of copies.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A copy of infra/ with one file edited, so each rule is shown to catch what it is for. */
export function mutated(file: string, edit: (text: string) => string, from = infraDir): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'enclave-infra-'));
  copies.push(dir);
  cpSync(from, dir, { recursive: true });
  const target = path.join(dir, file);
  const before = readFileSync(target, 'utf8');
  const after = edit(before);
  assert.notEqual(after, before, `the edit of ${file} changed nothing`);
  writeFileSync(target, after);
  return dir;
}

/** How main.parameters.json names an azd environment variable. */
export const azdVariable = (name: string) => `\${${name}}`;

export const rulesOf = (dir: string) => checkInfra(dir).map((f) => `${f.rule}: ${f.message}`);

export function templatesOf(dir: string): Template[] {
  const modules = readdirSync(path.join(dir, 'modules')).map((f) => `modules/${f}`);
  return readTemplates(dir, ['main.bicep', ...modules.filter((f) => f.endsWith('.bicep'))]);
}
