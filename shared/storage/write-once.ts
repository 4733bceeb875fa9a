import type { BlockBlobClient } from '@azure/storage-blob';

/**
 * Writes `text` only if the blob does not exist (If-None-Match: *). `same`: it existed with these very bytes (a
 * retry); `different`: it holds something else, which stays as it was.
 */
export async function writeOnce(blob: BlockBlobClient, text: string): Promise<'written' | 'same' | 'different'> {
  try {
    await blob.upload(text, Buffer.byteLength(text), { conditions: { ifNoneMatch: '*' } });
    return 'written';
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode !== 409) throw error;
  }
  return (await blob.downloadToBuffer()).toString('utf8') === text ? 'same' : 'different';
}
