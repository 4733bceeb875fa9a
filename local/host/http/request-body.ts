import type { IncomingMessage } from 'node:http';

/** Azure Functions' own cap on an HTTP request: 100 MB (104,857,600 bytes); Kestrel answers 413 above it. */
export const HOST_MAX_REQUEST_BYTES = 104_857_600;

export class RequestTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`the request body is over the host's limit of ${limit} bytes`);
  }
}

/**
 * The whole body, refused as soon as it is known to pass the host's cap — from Content-Length before reading, or
 * while a chunked body streams — so no function (nor the host's memory) ever sees more than the cap.
 */
export function readRequestBody(req: IncomingMessage, limit = HOST_MAX_REQUEST_BYTES): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) return reject(new RequestTooLarge(limit));
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.resume();
        return reject(new RequestTooLarge(limit));
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
