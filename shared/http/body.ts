import type { z } from 'zod';
import type { HeaderSource } from '../identity/caller';

/** The part of a web ReadableStream the body reader uses. */
export interface BodyStream {
  getReader(): { read(): Promise<{ done: boolean; value?: unknown }>; cancel(): Promise<void> };
}

/** An HTTP request as the functions see it (the `@azure/functions` HttpRequest fits; shared/ never imports it). */
export interface HttpInput {
  headers: HeaderSource;
  body: BodyStream | null;
}

/** An answer that refuses the request, naming the field or header at fault. */
export interface Refusal {
  status: number;
  jsonBody: { error: string; where: string };
}

export const refusal = (status: number, error: string, where: string): Refusal => ({
  status,
  jsonBody: { error, where },
});

export type BodyResult<T> = { ok: true; value: T } | { ok: false; refusal: Refusal };

const tooLarge = (limit: number): Refusal =>
  refusal(413, `the body is larger than this endpoint's limit of ${limit} bytes`, 'body');

/** Reads the body up to `limit` bytes; a larger one is refused at its Content-Length or as soon as it passes. */
export async function readBody(request: HttpInput, limit: number): Promise<BodyResult<Buffer>> {
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limit) return { ok: false, refusal: tooLarge(limit) };
  if (!request.body) return { ok: true, value: Buffer.alloc(0) };
  const chunks: Buffer[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    const chunk = Buffer.from(value as Uint8Array);
    size += chunk.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      return { ok: false, refusal: tooLarge(limit) };
    }
    chunks.push(chunk);
  }
  return { ok: true, value: Buffer.concat(chunks) };
}

/**
 * Parses text as JSON. The parser's own message quotes the text near the fault, which may be PHI: it is never
 * passed on, only where the fault is.
 */
export function parseJsonText(text: string, where: string): BodyResult<unknown> {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    const at = /position (\d+)/.exec((error as Error).message)?.[1];
    const place = at === undefined ? 'it ends early or is empty' : `at character ${at}`;
    return { ok: false, refusal: refusal(400, `the body is not valid JSON (${place})`, where) };
  }
}

/** The first zod issue as a 400 that names the field. */
export function schemaRefusal(error: z.ZodError, fallback = 'body'): Refusal {
  const issue = error.issues[0]!;
  return refusal(400, issue.message, issue.path.join('.') || fallback);
}

/** One way every endpoint reads a JSON body: size limit, parse (without echoing it), then the schema. */
export async function readJson<T extends z.ZodType>(
  request: HttpInput,
  schema: T,
  limit: number,
): Promise<BodyResult<z.infer<T>>> {
  const body = await readBody(request, limit);
  if (!body.ok) return body;
  const json = parseJsonText(body.value.toString('utf8'), 'body');
  if (!json.ok) return json;
  const parsed = schema.safeParse(json.value);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, refusal: schemaRefusal(parsed.error) };
}

/** Body limits per endpoint: a study or a request is small; a review form can carry a long edited report. */
export const BODY_LIMITS = {
  radiologyStudy: 256 * 1024,
  foiaRequest: 8 * 1024,
  varRun: 4 * 1024,
  reviewForm: 1024 * 1024,
} as const;
