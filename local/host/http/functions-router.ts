import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FunctionApp } from '../function-app';
import type { RegisteredFunction } from '../runtime/core-api';
import { fromTypedData } from '../runtime/typed-data';
import { authorized, type FunctionKeys } from './keys';
import { type CompiledRoute, compileRoute, pathSegments } from './route';
import { invokeThroughStreamProxy } from './stream-proxy';

interface HttpRoute {
  fn: RegisteredFunction;
  route: CompiledRoute;
  methods: string[];
  authLevel: string;
}

export function httpRoutes(app: FunctionApp, prefix: string): HttpRoute[] {
  return app.functions
    .filter((fn) => fn.trigger.type.toLowerCase() === 'httptrigger')
    .map((fn) => ({
      fn,
      route: compileRoute(prefix, String(fn.trigger.route ?? fn.name)),
      methods: ((fn.trigger.methods as string[] | undefined) ?? ['GET', 'POST']).map((m) => m.toUpperCase()),
      authLevel: String(fn.trigger.authLevel ?? 'anonymous'),
    }))
    .sort((a, b) => b.route.specificity - a.route.specificity);
}

/** Serves `/api/...` from the app's HTTP triggers through the real HttpRequest/HttpResponse of `@azure/functions`. */
export async function serveFunction(
  app: FunctionApp,
  routes: HttpRoute[],
  keys: FunctionKeys,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  body: Buffer,
): Promise<void> {
  const segments = pathSegments(url.pathname);
  if (!segments) return send(res, 400, 'The request path is not valid URL encoding.');
  const candidates = routes
    .map((r) => ({ r, params: r.route.match(segments) }))
    .filter((c): c is { r: HttpRoute; params: Record<string, string> } => c.params !== undefined);
  if (candidates.length === 0) return send(res, 404, '');
  const method = (req.method ?? 'GET').toUpperCase();
  const chosen = candidates.find((c) => c.r.methods.includes(method));
  if (!chosen) return send(res, 405, '', { allow: candidates[0]!.r.methods.join(', ') });
  const presented = (req.headers['x-functions-key'] as string | undefined) ?? url.searchParams.get('code') ?? undefined;
  if (!authorized(chosen.r.authLevel, presented, keys)) return send(res, 401, '');

  const headers = Object.fromEntries(
    Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : String(v ?? '')]),
  );
  const keepBody = method !== 'GET' && method !== 'HEAD' && body.length > 0;
  if (app.httpUri) {
    const streaming = app as FunctionApp & { httpUri: string };
    return invokeThroughStreamProxy(
      streaming,
      chosen.r.fn.name,
      req,
      res,
      url,
      chosen.params,
      headers,
      keepBody ? body : undefined,
    );
  }
  const trigger = {
    http: {
      method,
      url: url.href,
      headers,
      query: Object.fromEntries(url.searchParams),
      params: chosen.params,
      body: keepBody ? { bytes: body } : undefined,
    },
  };
  let response: Awaited<ReturnType<FunctionApp['invoke']>>;
  try {
    response = await app.invoke(chosen.r.fn.name, trigger, {});
  } catch (error) {
    app.log(
      'error',
      `Exception while executing function: Functions.${chosen.r.fn.name}. ${(error as Error).stack ?? String(error)}`,
    );
    return send(res, 500, '');
  }
  const http = (response.returnValue as { http?: Record<string, unknown> } | undefined)?.http;
  if (!http) return send(res, 204, '');
  const status = Number.parseInt(String(http.statusCode ?? '200'), 10);
  const outHeaders: Record<string, string | string[]> = { ...((http.headers as Record<string, string>) ?? {}) };
  const cookies = ((http.cookies as Cookie[] | undefined) ?? []).map(serializeCookie);
  if (cookies.length > 0) outHeaders['set-cookie'] = cookies;
  const value = http.body ? fromTypedData(http.body) : undefined;
  const buffer =
    value === undefined
      ? Buffer.alloc(0)
      : Buffer.isBuffer(value)
        ? value
        : Buffer.from(typeof value === 'string' ? value : JSON.stringify(value));
  res.writeHead(status, outHeaders);
  res.end(method === 'HEAD' ? undefined : buffer);
}

interface Cookie {
  name: string;
  value: string;
  domain?: string;
  path?: string;
  expires?: { value?: { seconds?: number } } | number;
  secure?: { value?: boolean } | boolean;
  httpOnly?: { value?: boolean } | boolean;
  sameSite?: string;
  maxAge?: { value?: number } | number;
}

const unwrap = <T>(v: { value?: T } | T | undefined): T | undefined =>
  v !== null && typeof v === 'object' && 'value' in (v as object) ? (v as { value?: T }).value : (v as T | undefined);

function serializeCookie(c: Cookie): string {
  const parts = [`${c.name}=${c.value}`];
  if (c.domain) parts.push(`Domain=${unwrap(c.domain as never)}`);
  if (c.path) parts.push(`Path=${unwrap(c.path as never)}`);
  const maxAge = unwrap<number>(c.maxAge as never);
  if (maxAge !== undefined) parts.push(`Max-Age=${maxAge}`);
  const expires = unwrap<{ seconds?: number } | number>(c.expires as never);
  if (expires !== undefined) {
    const ms = typeof expires === 'number' ? expires : Number(expires.seconds ?? 0) * 1000;
    parts.push(`Expires=${new Date(ms).toUTCString()}`);
  }
  if (unwrap<boolean>(c.secure as never)) parts.push('Secure');
  if (unwrap<boolean>(c.httpOnly as never)) parts.push('HttpOnly');
  const sameSite = { lax: 'Lax', strict: 'Strict', explicitNone: 'None' }[String(c.sameSite)];
  if (sameSite) parts.push(`SameSite=${sameSite}`);
  return parts.join('; ');
}

export function send(
  res: ServerResponse,
  status: number,
  body: string | object,
  headers: Record<string, string> = {},
): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const type = typeof body === 'string' ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8';
  res.writeHead(status, { 'content-type': type, ...headers });
  res.end(text);
}
