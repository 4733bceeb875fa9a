import type { ContainerClient } from '@azure/storage-blob';

export const readJson = async <T>(c: ContainerClient, name: string): Promise<T> =>
  JSON.parse((await c.getBlockBlobClient(name).downloadToBuffer()).toString('utf8')) as T;

/**
 * Writes a blob with its content type. With `once`, only if it does not exist yet (If-None-Match: *): false when it
 * already did (a replay or a second click), and what is there stays.
 */
export async function putBlob(
  c: ContainerClient,
  name: string,
  data: string | Buffer,
  contentType: string,
  once = false,
): Promise<boolean> {
  const body = typeof data === 'string' ? Buffer.from(data) : data;
  try {
    await c.getBlockBlobClient(name).upload(body, body.length, {
      blobHTTPHeaders: { blobContentType: contentType },
      conditions: once ? { ifNoneMatch: '*' } : undefined,
    });
    return true;
  } catch (error) {
    if (once && (error as { statusCode?: number }).statusCode === 409) return false;
    throw error;
  }
}
