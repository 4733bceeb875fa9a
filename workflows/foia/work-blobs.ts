import type { ContainerClient } from '@azure/storage-blob';

/** Where a run keeps its intermediate results in the work container: large data stays out of the history. */
export const workBlob = {
  extracted: (instanceId: string) => `${instanceId}/extracted.json`,
  patterns: (instanceId: string) => `${instanceId}/patterns.json`,
  answersPrefix: (instanceId: string) => `${instanceId}/answers/`,
  answers: (instanceId: string, from: number) => `${instanceId}/answers/${String(from).padStart(6, '0')}.json`,
};

export async function putJson(c: ContainerClient, name: string, value: unknown): Promise<void> {
  await c.createIfNotExists();
  const text = JSON.stringify(value);
  await c.getBlockBlobClient(name).upload(text, Buffer.byteLength(text));
}
