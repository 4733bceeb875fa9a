import type { DurableHttpRequest } from './http-request';
import type { EventMeta } from './model';

export type { DurableHttpRequest } from './http-request';

/** The name the extension schedules `callHttp` under (its built-in HTTP activity). */
export const HTTP_ACTIVITY = 'BuiltIn::HttpActivity';
/** What the host tells the SDK (`defaultHttpAsyncRequestSleepTimeMillseconds`) to wait between 202 polls. */
export const HTTP_POLL_DEFAULT_MS = 30_000;

type HeaderMap = Record<string, string | string[]>;

/** The extension's DurableHttpResponse as JSON: what the SDK parses from the TaskCompleted result. */
export interface DurableHttpResponse {
  statusCode: number;
  headers: HeaderMap;
  content: string;
}

/** .NET keeps these on HttpContent, not on the response's headers, so the extension's response never has them. */
const CONTENT_HEADERS = new Set([
  'allow',
  'content-disposition',
  'content-encoding',
  'content-language',
  'content-length',
  'content-location',
  'content-md5',
  'content-range',
  'content-type',
  'expires',
  'last-modified',
]);

export async function sendDurableHttp(request: DurableHttpRequest): Promise<DurableHttpResponse> {
  if (request.tokenSource) {
    throw new Error(
      `callHttp to ${request.uri} asks for a managed identity token (tokenSource), which the local host cannot obtain; call without tokenSource locally and pass a token in headers if the target needs one`,
    );
  }
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers ?? {}))
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  const method = (request.method || 'GET').toUpperCase();
  const body = method === 'GET' || method === 'HEAD' ? undefined : (request.content ?? undefined);
  const response = await fetch(request.uri, { method, headers, body });
  const out: HeaderMap = {};
  response.headers.forEach((value, name) => {
    if (!CONTENT_HEADERS.has(name) && name !== 'set-cookie') out[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) out['set-cookie'] = cookies.length === 1 ? cookies[0]! : cookies;
  return { statusCode: response.status, headers: out, content: await response.text() };
}

/**
 * With the async pattern on, a 202 with a Location is polled: the SDK then expects a timer and a new request, the
 * extension's GET of the Location with the same headers except the function key.
 */
export function pollAfter(request: DurableHttpRequest, response: DurableHttpResponse): EventMeta {
  const location = header(response.headers, 'location');
  if (request.asynchronousPatternEnabled === false || response.statusCode !== 202 || !location) return {};
  const retryAfter = header(response.headers, 'retry-after');
  const delayMs = retryAfter && /^\d+$/.test(retryAfter) ? Number(retryAfter) * 1000 : HTTP_POLL_DEFAULT_MS;
  const headers = Object.fromEntries(
    Object.entries(request.headers ?? {}).filter(([name]) => name.toLowerCase() !== 'x-functions-key'),
  );
  const poll: DurableHttpRequest = { ...request, method: 'GET', uri: location, content: null, headers };
  return { httpAccepted: { poll, delayMs } };
}

function header(headers: HeaderMap, name: string): string | undefined {
  const value = Object.entries(headers).find(([key]) => key.toLowerCase() === name)?.[1];
  return Array.isArray(value) ? value[0] : value;
}
