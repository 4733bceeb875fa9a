import { randomUUID } from 'node:crypto';
import type { BlobServiceClient } from '@azure/storage-blob';
import type { QueueServiceClient } from '@azure/storage-queue';
import type { OutputWriter } from './function-app';
import type { InvocationRequest } from './runtime/invoke';
import { fromTypedData } from './runtime/typed-data';

/** Resolves `{token}` binding expressions in an output path from the trigger's metadata (and `{rand-guid}`). */
function resolvePath(template: string, trigger: InvocationRequest): string {
  return template.replace(/\{([^}]+)\}/g, (_m, token: string) => {
    if (token.toLowerCase() === 'rand-guid') return randomUUID();
    if (token.toLowerCase() === 'datetime') return new Date().toISOString();
    const value =
      trigger.triggerMetadata?.[token] ?? trigger.triggerMetadata?.[token[0]!.toUpperCase() + token.slice(1)];
    const resolved = fromTypedData(value);
    if (resolved === undefined)
      throw new Error(`output path "${template}": no value for {${token}} in this invocation`);
    return String(resolved);
  });
}

const asText = (value: unknown) =>
  typeof value === 'string' ? value : Buffer.isBuffer(value) ? value.toString('utf8') : JSON.stringify(value);

/** Queue, Service Bus (local: Azurite queue) and blob output bindings, written after the handler returns. */
export function storageOutputs(blobs: BlobServiceClient, queues: QueueServiceClient, base64: boolean): OutputWriter {
  return async (fn, outputs, trigger) => {
    for (const { name, data } of outputs) {
      const binding = fn.metadata.bindings[name];
      if (!binding) continue;
      const value = fromTypedData(data);
      // Azure writes nothing for an output the handler left unset (or returned nothing for).
      if (value === undefined || value === null) continue;
      const type = binding.type.toLowerCase();
      if (type === 'queue' || type === 'servicebus') {
        const queueName = String(binding.queueName ?? binding.topicName);
        const client = queues.getQueueClient(queueName);
        await client.createIfNotExists();
        const encode = type === 'queue' && base64;
        for (const item of Array.isArray(value) ? value : [value]) {
          const text = asText(item);
          await client.sendMessage(encode ? Buffer.from(text).toString('base64') : text);
        }
      } else if (type === 'blob') {
        const [container, ...rest] = resolvePath(String(binding.path), trigger).split('/');
        const containerClient = blobs.getContainerClient(container!);
        await containerClient.createIfNotExists();
        const content = Buffer.isBuffer(value) ? value : Buffer.from(asText(value));
        await containerClient.getBlockBlobClient(rest.join('/')).upload(content, content.length);
      } else {
        throw new Error(
          `function ${fn.name}: output binding type "${binding.type}" is not supported by the local host`,
        );
      }
    }
  };
}
