import type { ContainerClient } from '@azure/storage-blob';

const statusOf = (error: unknown) => (error as { statusCode?: number }).statusCode;

/**
 * Appends `line` to the append blob `file` exactly once per `pairName`, surviving a crash or replay at any step.
 * The pair blob is written first (conditionally, so a replay reuses its bytes); before each append it records
 * the offset it appends at, and the append is conditional on that offset. A later attempt looks for the line from
 * the recorded offset on before appending again, so a crash between the append and the mark adds nothing twice.
 */
export async function appendOnce(
  container: ContainerClient,
  pairName: string,
  file: string,
  line: string,
): Promise<boolean> {
  const pair = container.getBlockBlobClient(pairName);
  const body = Buffer.from(JSON.stringify({ file, line }));
  try {
    await pair.upload(body, body.length, { conditions: { ifNoneMatch: '*' } });
  } catch (error) {
    if (statusOf(error) !== 409) throw error;
  }
  const stored = JSON.parse((await pair.downloadToBuffer()).toString('utf8')) as { file: string; line: string };
  const log = container.getAppendBlobClient(stored.file);
  await log.createIfNotExists();
  const bytes = Buffer.from(stored.line);
  for (let attempt = 0; attempt < 20; attempt++) {
    const props = await pair.getProperties();
    if (props.metadata?.appended === 'true') return false;
    const size = (await log.getProperties()).contentLength ?? 0;
    const from = props.metadata?.offset === undefined ? size : Number(props.metadata.offset);
    if (from < size) {
      const tail = (await log.downloadToBuffer(from, size - from)).toString('utf8');
      if (tail.split('\n').includes(stored.line.replace(/\n$/, ''))) {
        await pair.setMetadata({ offset: String(from), appended: 'true' });
        return false;
      }
    }
    try {
      await pair.setMetadata({ offset: String(size) }, { conditions: { ifMatch: props.etag } });
      await log.appendBlock(bytes, bytes.length, { conditions: { appendPosition: size } });
    } catch (error) {
      if (statusOf(error) === 412) continue; // another writer moved the log or the pair record on: look again
      throw error;
    }
    await pair.setMetadata({ offset: String(size), appended: 'true' });
    return true;
  }
  throw new Error(`could not append ${pairName} to ${stored.file}: the log kept moving`);
}
