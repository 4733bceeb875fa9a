import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { countTokens } from 'gpt-tokenizer/encoding/o200k_base';
import { REGIONS } from '../../shared/model/regions';
import { AZURE_KEYS, CATEGORIES } from '../../shared/model/safety/categories';
import { analyseText } from '../../shared/model/safety/local-analyser';
import { completionResponse, filterResults } from './completion';
import { engineFor } from './engines/index';
import type { EngineMessage } from './engines/types';
import { type FaultProfile, seeded } from './faults';

export interface RegionSpec {
  /** Endpoint name, e.g. `eastus` or `eastus-ptu`. */
  name: string;
  /** Azure region it plays. */
  region: string;
  port?: number;
}

export interface LoggedRequest {
  at: string;
  endpoint: string;
  deployment: string;
  /** 0 while in flight; 499 when the client went away before the answer (a hedge's cancelled loser). */
  status: number;
  /** Which Azure REST shape the call used. */
  api: 'deployments' | 'v1';
  messages: EngineMessage[];
}

export interface RunningModelServer {
  endpoints: { name: string; region: string; url: string }[];
  apiKey: string;
  setFault(endpoint: string, profile: FaultProfile): void;
  clearFaults(): void;
  requests(endpoint?: string): LoggedRequest[];
  clearRequests(): void;
  stop(): Promise<void>;
}

interface RegionState {
  spec: RegionSpec;
  server: Server;
  sockets: Set<Socket>;
  fault: FaultProfile;
  random: () => number;
  recent: number[];
}

const azureError = (code: string, message: string, extra: Record<string, unknown> = {}) => ({
  error: { code, message, ...extra },
});

/**
 * The local multi-region stand-in for Azure OpenAI: one HTTP server per endpoint, Azure's REST shape and errors,
 * o200k token counts, content-filter annotations, fault injection and a per-region request log. Its completions
 * come from deterministic domain engines, not from a model.
 */
export async function startModelServer(options: {
  regions: RegionSpec[];
  apiKey?: string;
  seed?: number;
}): Promise<RunningModelServer> {
  const apiKey = options.apiKey ?? 'local-model-key';
  const log: LoggedRequest[] = [];
  const states = new Map<string, RegionState>();

  for (const [index, spec] of options.regions.entries()) {
    const sockets = new Set<Socket>();
    const state: RegionState = {
      spec,
      server: createServer(),
      sockets,
      fault: {},
      random: seeded((options.seed ?? 7) + index),
      recent: [],
    };
    state.server.on('connection', (socket: Socket) => {
      if (state.fault.down) {
        socket.destroy();
        return;
      }
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    state.server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      handle(state, req, res).catch((error: Error) => {
        if (!res.headersSent) send(res, 500, azureError('InternalServerError', error.message));
      });
    });
    await new Promise<void>((resolve, reject) => {
      state.server.once('error', reject);
      state.server.listen(spec.port ?? 0, '127.0.0.1', () => resolve());
    });
    states.set(spec.name, state);
  }

  async function handle(state: RegionState, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://local');
    const body = await readBody(req);
    if (url.pathname === '/admin/fault' && req.method === 'POST') {
      state.fault = JSON.parse(body || '{}') as FaultProfile;
      return send(res, 200, { endpoint: state.spec.name, fault: state.fault });
    }
    if (url.pathname === '/admin/requests')
      return send(
        res,
        200,
        log.filter((r) => r.endpoint === state.spec.name),
      );
    const match = /^\/openai\/deployments\/([^/]+)\/chat\/completions$/.exec(url.pathname);
    const api = url.pathname === '/openai/v1/chat/completions' ? 'v1' : 'deployments';
    if (!match && api !== 'v1') return send(res, 404, azureError('404', 'Resource not found'));
    const presented = req.headers['api-key'] ?? String(req.headers.authorization ?? '').replace(/^Bearer\s+/i, '');
    if (presented !== apiKey) {
      return send(res, 401, azureError('401', 'Access denied due to invalid subscription key or wrong API endpoint.'));
    }
    // The dated shape needs api-version; v1 takes none (or `preview`).
    const version = url.searchParams.get('api-version');
    if (api === 'deployments' ? !version : version && version !== 'preview')
      return send(res, 404, azureError('404', 'Resource not found'));
    let payload: {
      model?: string;
      messages?: EngineMessage[];
      response_format?: { type: string };
      max_tokens?: number;
    };
    try {
      payload = JSON.parse(body);
    } catch {
      return send(res, 400, azureError('BadRequest', 'The request body is not valid JSON.'));
    }
    const deployment = match ? decodeURIComponent(match[1]!) : (payload.model ?? '');
    if (!deployment) return send(res, 400, azureError('BadRequest', "'model' (the deployment name) is required."));
    const messages = payload.messages ?? [];
    const entry: LoggedRequest = {
      at: new Date().toISOString(),
      endpoint: state.spec.name,
      deployment,
      status: 0,
      api,
      messages,
    };
    log.push(entry);
    // A client that gives up (timeout, or the gateway cancelling a hedge's loser) stops the work: no tokens are made.
    res.on('close', () => {
      if (!res.writableFinished) entry.status = 499;
    });
    const fault = state.fault;
    if (fault.hang) return; // the client's timeout or cancel ends this attempt
    await delay(fault.latencyMs, state.random);
    if (entry.status === 499) return;
    const now = Date.now();
    state.recent = state.recent.filter((t) => now - t < 60_000);
    const overCapacity = fault.capacityPerMinute !== undefined && state.recent.length >= fault.capacityPerMinute;
    const spilloverTo = overCapacity ? fault.spilloverDeployment : undefined;
    if ((overCapacity && !spilloverTo) || (fault.throttleRate && state.random() < fault.throttleRate)) {
      entry.status = 429;
      const retryAfter = fault.retryAfterMs ?? 2000;
      return send(
        res,
        429,
        azureError('429', 'Requests to the ChatCompletions_Create Operation have exceeded the rate limit.'),
        {
          'retry-after-ms': String(retryAfter),
          'retry-after': String(Math.ceil(retryAfter / 1000)),
        },
      );
    }
    if (!spilloverTo) state.recent.push(now);
    if (fault.errorRate && state.random() < fault.errorRate) {
      entry.status = 500;
      return send(
        res,
        500,
        azureError('InternalServerError', 'The server had an error while processing your request.'),
      );
    }
    if (
      !['radiology-draft', 'var-narrative', 'foia-redact', 'chat'].includes(deployment) &&
      !deployment.startsWith('chat')
    ) {
      entry.status = 404;
      return send(
        res,
        404,
        azureError('DeploymentNotFound', `The API deployment for this resource does not exist (${deployment}).`),
      );
    }
    const promptText = messages.map((m) => m.content).join('\n');
    const promptSeverities = analyseText(promptText);
    if (CATEGORIES.some((c) => AZURE_KEYS[c] && promptSeverities[c] >= 6)) {
      entry.status = 400;
      return send(
        res,
        400,
        azureError(
          'content_filter',
          "The response was filtered due to the prompt triggering Azure OpenAI's content management policy.",
          {
            innererror: {
              code: 'ResponsibleAIPolicyViolation',
              content_filter_result: filterResults(promptSeverities),
            },
          },
        ),
      );
    }
    let reply: { content: string; finishReason?: string };
    try {
      reply = await engineFor(deployment)({
        deployment,
        messages,
        responseFormat: payload.response_format,
        maxTokens: payload.max_tokens,
      });
    } catch (error) {
      entry.status = 500;
      return send(
        res,
        500,
        azureError('InternalServerError', `local engine for ${deployment} failed: ${(error as Error).message}`),
      );
    }
    const promptTokens = countTokens(messages.map((m) => `${m.role}\n${m.content}`).join('\n')) + 3 * messages.length;
    const completionTokens = countTokens(reply.content);
    if (entry.status === 499) return;
    entry.status = 200;
    const servedRegion = fault.servedRegion ?? state.spec.region;
    const completion = completionResponse({
      reply,
      promptSeverities,
      usage: { promptTokens, completionTokens },
      created: Math.floor(now / 1000),
      annotations: fault.annotations,
      spillover: spilloverTo ? { from: deployment, to: spilloverTo } : undefined,
    });
    send(res, 200, completion.body, {
      ...completion.headers,
      ...(fault.omitRegionHeader ? {} : { 'x-ms-region': REGIONS[servedRegion]?.displayName ?? servedRegion }),
      'apim-request-id': randomUUID(),
      'x-ratelimit-remaining-requests': String(Math.max(0, (fault.capacityPerMinute ?? 1000) - state.recent.length)),
      'x-ratelimit-remaining-tokens': String(Math.max(0, 150_000 - promptTokens - completionTokens)),
    });
  }

  return {
    endpoints: [...states.values()].map((s) => ({
      name: s.spec.name,
      region: s.spec.region,
      url: `http://127.0.0.1:${(s.server.address() as AddressInfo).port}`,
    })),
    apiKey,
    setFault(endpoint, profile) {
      const state = states.get(endpoint);
      if (!state) throw new Error(`no local model endpoint "${endpoint}"`);
      state.fault = profile;
      if (profile.down) for (const socket of state.sockets) socket.destroy();
    },
    clearFaults() {
      for (const state of states.values()) state.fault = {};
    },
    requests: (endpoint) => (endpoint ? log.filter((r) => r.endpoint === endpoint) : [...log]),
    clearRequests: () => void log.splice(0),
    async stop() {
      for (const state of states.values()) {
        for (const socket of state.sockets) socket.destroy();
        await new Promise<void>((resolve) => state.server.close(() => resolve()));
      }
    },
  };
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function delay(latency: FaultProfile['latencyMs'], random: () => number): Promise<void> {
  if (latency === undefined) return Promise.resolve();
  const ms = Array.isArray(latency) ? latency[0] + random() * (latency[1] - latency[0]) : latency;
  return new Promise((r) => setTimeout(r, ms));
}
