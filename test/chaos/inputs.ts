import { readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../support/app-host';
import { FUNCTION_KEY } from './observe';
import type { ChaosStack } from './stack';

/** The committed chest CT study (with a critical finding), under another accession number. */
export function radiologyStudy(accessionNumber: string): Record<string, unknown> {
  const study = JSON.parse(
    readFileSync(path.join(repoRoot, 'test', 'fixtures', 'radiology', 'chest-ct-critical.json'), 'utf8'),
  );
  return { ...study, accessionNumber };
}

/** POSTs a study the way PACS does; answers the run's instance id. */
export async function submitStudy(stack: ChaosStack, accessionNumber: string): Promise<string> {
  await fetch(`${stack.host.url}/api/radiology/studies`, {
    method: 'POST',
    headers: FUNCTION_KEY,
    body: JSON.stringify(radiologyStudy(accessionNumber)),
  }).catch(() => undefined);
  return `radiology-${accessionNumber}`;
}
