import assert from 'node:assert/strict';
import { extractText } from '../../shared/foia/extract';
import type { FoiaReviewDraft } from '../../shared/foia/review-view';
import { blobService } from '../support/storage';

const read = async (container: string, name: string) =>
  blobService().getContainerClient(container).getBlockBlobClient(name).downloadToBuffer();

/** The review draft a run produced: the recommendations exactly as the reviewer saw them. */
export const draftOf = async (instanceId: string): Promise<FoiaReviewDraft> =>
  JSON.parse((await read('review-drafts', `foia/${instanceId}.json`)).toString('utf8')) as FoiaReviewDraft;

/** Every file released for `base` (`requestId/name`), PDFs as their re-extracted text. */
export async function releasedFiles(base: string): Promise<Record<string, string>> {
  const text = async (suffix: string) => (await read('foia-released', `${base}${suffix}`)).toString('utf8');
  const pdf = async (suffix: string) =>
    (await extractText('released.pdf', await read('foia-released', `${base}${suffix}`))).text;
  return {
    'redacted.txt': await text('.redacted.txt'),
    'redacted.pdf': await pdf('.redacted.pdf'),
    'index.csv': await text('.index.csv'),
    'index.pdf': await pdf('.index.pdf'),
  };
}

// Whitespace is ignored so a withheld phrase cannot hide behind a PDF line wrap.
const squeeze = (s: string) => s.replace(/\s+/g, '');

export function assertNoneSurvive(files: Record<string, string>, withheld: string[]): void {
  assert.ok(withheld.length > 0, 'there is something to check');
  for (const [name, content] of Object.entries(files))
    for (const secret of withheld)
      assert.ok(!squeeze(content).includes(squeeze(secret)), `"${secret}" survived in ${name}`);
}
