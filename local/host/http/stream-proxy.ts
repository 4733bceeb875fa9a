import { randomUUID } from 'node:crypto';
import { Agent, type IncomingMessage, request, type ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import type { FunctionApp } from '../function-app';
import { jsonData } from '../runtime/typed-data';

// One connection per invocation: the library matches a request to its invocation by header, not by socket.
const agent = new Agent({ keepAlive: false });

/**
 * An HTTP invocation of an app that enabled streams, as the Functions host does it: the request goes to the
 * library's own server (HttpUri) tagged with the invocation id, the invocation runs with headers and route
 * parameters as trigger metadata, and the library's response streams back to the client as it is written.
 */
export async function invokeThroughStreamProxy(
  app: FunctionApp & { httpUri: string },
  name: string,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  params: Record<string, string>,
  headers: Record<string, string>,
  body: Buffer | undefined,
): Promise<void> {
  const invocationId = randomUUID();
  const metadata: Record<string, unknown> = { Headers: jsonData(headers) };
  for (const [key, value] of Object.entries(params)) metadata[key] = { string: value };
  let proxyRequest: ReturnType<typeof request> | undefined;
  const proxied = new Promise<IncomingMessage>((resolve, reject) => {
    proxyRequest = request(
      new URL(`${url.pathname}${url.search}`, app.httpUri),
      {
        method: req.method,
        agent,
        headers: {
          ...req.headers,
          'x-ms-invocation-id': invocationId,
          'x-forwarded-host': url.host,
          'x-forwarded-proto': url.protocol.replace(':', ''),
        },
      },
      resolve,
    );
    proxyRequest.on('error', reject);
    proxyRequest.end(body);
  });
  const invoked = app.invoke(name, {}, metadata, undefined, invocationId).catch((error: Error) => {
    app.log('error', `Exception while executing function: Functions.${name}. ${error.stack ?? String(error)}`);
    proxyRequest?.destroy();
    if (!res.headersSent) {
      res.writeHead(500);
      res.end();
    }
  });
  let proxyResponse: IncomingMessage;
  try {
    proxyResponse = await proxied;
  } catch {
    await invoked;
    return;
  }
  const { 'x-ms-invocation-id': _id, ...outHeaders } = proxyResponse.headers;
  res.writeHead(proxyResponse.statusCode ?? 200, outHeaders);
  await pipeline(proxyResponse, res).catch(() => undefined);
  await invoked;
}
