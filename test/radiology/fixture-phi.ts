import { readFileSync } from 'node:fs';
import path from 'node:path';

export const radiologyFixture = (name: string) =>
  JSON.parse(readFileSync(path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'radiology', name), 'utf8'));

/** Every identifying value in `chest-ct-critical.json`: none may reach a prompt or the fine-tuning data. */
export const FIXTURE_PHI = [
  "Margaret O'Connell",
  'Margaret',
  "O'Connell",
  'MRN-00482913',
  '1957-03-14',
  'ACC-2026-118842',
  '2026-11-24',
  '22/11/2026',
  'March 3, 2024',
  'Dr. Patel',
  'Amit Patel',
  'Patel',
  '021 555 0142',
  '555 0142',
];
