import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import ts from 'typescript';
import { repoRoot } from '../support/app-host';

const FOLDERS = ['functions', 'workflows', 'shared'];
const MAX_FILE_LINES = 250;
const MAX_FUNCTION_LINES = 80;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

function lineCount(text: string): number {
  return text.endsWith('\n') ? text.split('\n').length - 1 : text.split('\n').length;
}

function functionName(node: ts.Node): string {
  if ((ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node) || ts.isFunctionExpression(node)) && node.name) {
    return node.name.getText();
  }
  if (ts.isConstructorDeclaration(node)) return 'constructor';
  if ((ts.isGetAccessorDeclaration(node) || ts.isSetAccessorDeclaration(node)) && node.name) return node.name.getText();
  const parent = node.parent;
  if (
    parent &&
    (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent))
  ) {
    return parent.name.getText();
  }
  return '(anonymous)';
}

function longFunctions(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const start = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      const length = end - start + 1;
      if (length > MAX_FUNCTION_LINES) {
        found.push(`${path.relative(repoRoot, file)}:${start + 1} ${functionName(node)} spans ${length} lines`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const files = FOLDERS.flatMap((folder) => sourceFiles(path.join(repoRoot, folder)));

test(`no file under ${FOLDERS.join(', ')} has more than ${MAX_FILE_LINES} lines`, () => {
  assert.ok(files.length > 50, `expected the app's sources under ${repoRoot}, found ${files.length} files`);
  const offenders = files
    .map((file) => ({ file, lines: lineCount(readFileSync(file, 'utf8')) }))
    .filter(({ lines }) => lines > MAX_FILE_LINES)
    .map(({ file, lines }) => `${path.relative(repoRoot, file)}:1 has ${lines} lines`);
  assert.deepEqual(offenders, [], `files over ${MAX_FILE_LINES} lines:\n${offenders.join('\n')}`);
});

test(`no function under ${FOLDERS.join(', ')} spans more than ${MAX_FUNCTION_LINES} lines`, () => {
  const offenders = files.flatMap((file) => longFunctions(file, readFileSync(file, 'utf8')));
  assert.deepEqual(offenders, [], `functions over ${MAX_FUNCTION_LINES} lines:\n${offenders.join('\n')}`);
});

test('the function finder measures declarations, methods and arrows, nested ones too', () => {
  const body = (n: number) => Array.from({ length: n }, (_, i) => `  const v${i} = ${i};`).join('\n');
  const text = [
    `function long() {\n${body(85)}\n}`,
    `function short() {\n${body(10)}\n}`,
    `const arrow = () => {\n${body(78)}\n};`,
    `class Gateway {\n  call() {\n${body(81)}\n  }\n}`,
    `export const make = () => ({ run: function () {\n${body(90)}\n} });`,
  ].join('\n');
  const found = longFunctions(path.join(repoRoot, 'sample.ts'), text);
  assert.deepEqual(found, [
    'sample.ts:1 long spans 87 lines',
    'sample.ts:181 call spans 83 lines',
    'sample.ts:265 make spans 92 lines',
    'sample.ts:265 run spans 92 lines',
  ]);
});
