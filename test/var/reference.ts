import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadLake } from '../../shared/var/lake';
import { diskLake } from '../../shared/var/lake-files';

/** test/fixtures/var: the small lake reference.py writes and the numpy values it computed from it. */
const fixtures = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'var');
export const ref = JSON.parse(readFileSync(path.join(fixtures, 'reference.json'), 'utf8'));
export const referenceLake = async () => (await loadLake(diskLake(path.join(fixtures, 'lake')), ref.date))!;

export const close = (actual: number, expected: number, what: string) =>
  assert.ok(
    Math.abs(actual - expected) <= 1e-6 * Math.max(1, Math.abs(expected)),
    `${what}: ${actual} vs numpy ${expected}`,
  );
