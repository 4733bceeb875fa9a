type HeaderMap = Record<string, string | string[]>;

/** The `httpRequest` of a CallHttp action (durable-functions `DurableHttpRequest`). */
export interface DurableHttpRequest {
  method: string;
  uri: string;
  content?: string | null;
  headers?: HeaderMap | null;
  tokenSource?: unknown;
  asynchronousPatternEnabled?: boolean;
}
