import type { ContainerClient } from '@azure/storage-blob';
import { z } from 'zod';
import { isRetryable } from '../errors';
import type { ModelGateway } from './gateway';
import { modelCallRequestSchema } from './request';

const messageSchema = z.object({
  correlationId: z
    .string()
    .regex(/^[\w.-]{1,128}$/, 'letters, digits, dot, dash and underscore (it names the reply blob)'),
  request: modelCallRequestSchema,
});

/**
 * A batch caller's request from the `model-requests` queue: the same gateway, the reply written to
 * `model-replies/<correlationId>.json`. Bad requests and refusals are answered in the reply; only transient
 * failures throw, so the message is delivered again (and dead-lettered after the retry limit).
 */
export async function handleModelRequestMessage(
  message: unknown,
  gateway: ModelGateway,
  replies: ContainerClient,
): Promise<void> {
  const parsed = messageSchema.safeParse(typeof message === 'string' ? safeJson(message) : message);
  const correlationId = parsed.success ? parsed.data.correlationId : safeCorrelation(message);
  let reply: Record<string, unknown>;
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    reply = { ok: false, error: `${issue.path.join('.') || 'message'}: ${issue.message}` };
  } else {
    try {
      reply = { ok: true, result: await gateway.call(parsed.data.request) };
    } catch (error) {
      if (isRetryable(error)) throw error;
      reply = { ok: false, error: (error as Error).message, errorType: (error as Error).name };
    }
  }
  await replies.createIfNotExists();
  const text = JSON.stringify({ correlationId, ...reply });
  await replies.getBlockBlobClient(`${correlationId}.json`).upload(text, Buffer.byteLength(text));
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function safeCorrelation(message: unknown): string {
  const id = (message as { correlationId?: unknown } | null)?.correlationId;
  return typeof id === 'string' && /^[\w.-]{1,128}$/.test(id) ? id : `invalid-${Date.now()}`;
}
