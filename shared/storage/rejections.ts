import type { ContainerClient } from '@azure/storage-blob';

/** Where an input that cannot be processed goes: never dropped, kept as it came with the reason beside it. */
export interface Rejections {
  /** Keeps `bytes` as `name` and `reason` as `<name>.reason.txt`; answers where the copy is (`container/name`). */
  reject(name: string, bytes: Buffer | string, reason: string): Promise<string>;
}

/** Rejections kept in a blob container (created on first use). */
export function blobRejections(container: ContainerClient): Rejections {
  return {
    async reject(name, bytes, reason) {
      const body = typeof bytes === 'string' ? Buffer.from(bytes) : bytes;
      await container.createIfNotExists();
      await container.getBlockBlobClient(name).upload(body, body.length);
      await container.getBlockBlobClient(`${name}.reason.txt`).upload(reason, Buffer.byteLength(reason));
      return `${container.containerName}/${name}`;
    },
  };
}
