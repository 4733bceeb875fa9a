import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ContainerClient } from '@azure/storage-blob';
import type { LakeFiles } from './lake';

/** A data-lake folder on disk (the batch CLI). */
export function diskLake(root: string): LakeFiles {
  return {
    async read(file) {
      try {
        return await readFile(path.join(root, file), 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
    },
  };
}

/** The same layout in blob storage (the pipeline). */
export function blobLake(container: ContainerClient): LakeFiles {
  return {
    async read(file) {
      try {
        return (await container.getBlockBlobClient(file).downloadToBuffer()).toString('utf8');
      } catch (error) {
        if ((error as { statusCode?: number }).statusCode === 404) return undefined;
        throw error;
      }
    },
  };
}
