import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BlobServiceClient } from '@azure/storage-blob';
import { QueueServiceClient } from '@azure/storage-queue';
import { installClockSource } from '../../shared/clock';
import { resolveTimeZone } from '../../shared/time-zone';
import { type Clock, testClock, wallClock } from './clock';
import type { DurableEngine } from './durable/contract';
import { createDurableEngine } from './durable/index';
import { FunctionApp, type HostLog } from './function-app';
import { readHostJson } from './host-json';
import { httpRoutes, send, serveFunction } from './http/functions-router';
import type { FunctionKeys } from './http/keys';
import { HOST_MAX_REQUEST_BYTES, RequestTooLarge, readRequestBody } from './http/request-body';
import { storageOutputs } from './outputs';
import { settlesWithin } from './settles-within';
import { BLOB_POISON_QUEUE, BlobListener } from './triggers/blob';
import type { TriggerListener } from './triggers/listener';
import { QueueListener } from './triggers/queue';
import { TimerListener } from './triggers/timer';

export interface HostOptions {
  appDir: string;
  /** Overrides package.json `main` (a path or glob relative to appDir). */
  main?: string;
  /** 0 picks a free port. */
  port?: number;
  storageConnectionString: string;
  /** App settings (local.settings.json Values); copied into process.env before the app loads. */
  settings?: Record<string, string>;
  clock?: Clock;
  keys?: Partial<FunctionKeys>;
  hostId?: string;
  /** Overrides host.json's Durable task hub name (tests give each suite its own hub). */
  hubName?: string;
  log?: HostLog;
  /** The HTTP request cap (Azure's 100 MB unless a test needs a smaller one to prove it). */
  maxRequestBytes?: number;
}

export interface FunctionRow {
  name: string;
  trigger: string;
  detail: string;
}

export interface RunningHost {
  url: string;
  port: number;
  clock: Clock;
  keys: FunctionKeys;
  app: FunctionApp;
  functions: FunctionRow[];
  durable: DurableEngine | undefined;
  stop(graceMs?: number): Promise<void>;
}

const DURABLE_TRIGGERS = new Set(['orchestrationtrigger', 'activitytrigger']);

/** Starts the local Functions host: loads the unmodified app and drives its triggers against Azure Storage (Azurite). */
export async function startHost(options: HostOptions): Promise<RunningHost> {
  const log: HostLog =
    options.log ?? ((level, message) => (level === 'error' || level === 'warn' ? console.error : console.log)(message));
  const settings = options.settings ?? {};
  for (const [key, value] of Object.entries(settings)) process.env[key] = value;
  const clock = options.clock ?? (process.env.ENCLAVE_TEST_CLOCK === '1' ? testClock() : wallClock());
  const keys: FunctionKeys = {
    function: options.keys?.function ?? process.env.ENCLAVE_FUNCTION_KEY ?? 'local-function-key',
    master: options.keys?.master ?? process.env.ENCLAVE_MASTER_KEY ?? 'local-master-key',
    system: options.keys?.system ?? process.env.ENCLAVE_SYSTEM_KEY ?? 'local-durable-system-key',
  };
  const hostJson = readHostJson(options.appDir);
  const hostId = options.hostId ?? 'enclave-local';
  const maxRequestBytes = options.maxRequestBytes ?? HOST_MAX_REQUEST_BYTES;

  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 7071, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const origin = `http://localhost:${port}`;
  process.env.WEBSITE_HOSTNAME = `localhost:${port}`;
  process.env.AzureWebJobsStorage = options.storageConnectionString;

  let app: FunctionApp;
  try {
    app = await FunctionApp.load(options.appDir, log, options.main);
  } catch (error) {
    server.close();
    throw error;
  }
  const entities = app.functions.filter((f) => f.trigger.type.toLowerCase() === 'entitytrigger');
  if (entities.length > 0) {
    server.close();
    throw new Error(
      `Durable entities are not supported by the local host (functions: ${entities.map((f) => f.name).join(', ')}); run them on Azure, or keep their files out of package.json "main" to run the rest locally`,
    );
  }
  process.env.ENCLAVE_HOST_FUNCTION_COUNT = String(app.functions.length);

  const blobs = BlobServiceClient.fromConnectionString(options.storageConnectionString);
  const queues = QueueServiceClient.fromConnectionString(options.storageConnectionString);
  app.writeOutputs = storageOutputs(blobs, queues, hostJson.queues.messageEncoding === 'base64');

  let durable: DurableEngine | undefined;
  if (app.functions.some((f) => DURABLE_TRIGGERS.has(f.trigger.type.toLowerCase()))) {
    durable = createDurableEngine({
      durableFunctions: () =>
        app.functions
          .filter((f) => DURABLE_TRIGGERS.has(f.trigger.type.toLowerCase()))
          .map((f) => ({ name: f.name, triggerType: f.trigger.type })),
      invoke: async (name, triggerData) => {
        const response = await app.invoke(name, triggerData);
        return { returnValue: response.returnValue as never, outputData: response.outputData as never };
      },
      storageConnectionString: options.storageConnectionString,
      hubName: options.hubName ?? hostJson.hubName,
      options: hostJson.durableTask,
      origin,
      systemKey: keys.system,
      clock,
      log,
    });
    const engine = durable;
    app.extraInputs = (binding) =>
      /^(durableClient|orchestrationClient)$/i.test(binding.type) ? { string: engine.clientBindingData() } : undefined;
  }

  const listeners: TriggerListener[] = [];
  const rows: FunctionRow[] = [];
  const timeZone = resolveTimeZone(process.env.WEBSITE_TIME_ZONE);
  for (const fn of app.functions) {
    const type = fn.trigger.type.toLowerCase();
    // The Functions host's own switch: AzureWebJobs.<name>.Disabled=true keeps a trigger from running.
    if (!DURABLE_TRIGGERS.has(type) && process.env[`AzureWebJobs.${fn.name}.Disabled`]?.toLowerCase() === 'true') {
      rows.push({ name: fn.name, trigger: type.replace(/trigger$/, ''), detail: '(disabled)' });
      continue;
    }
    if (type === 'httptrigger') {
      const methods = ((fn.trigger.methods as string[] | undefined) ?? ['GET', 'POST']).join(',');
      rows.push({
        name: fn.name,
        trigger: 'http',
        detail: `[${methods}] ${origin}/${[hostJson.routePrefix, fn.trigger.route ?? fn.name].filter(Boolean).join('/')}`,
      });
    } else if (type === 'queuetrigger' || type === 'servicebustrigger') {
      const name = String(fn.trigger.queueName ?? fn.trigger.topicName);
      const flavour = type === 'queuetrigger' ? 'storage' : 'servicebus';
      const listener = new QueueListener(
        app,
        fn,
        queues.getQueueClient(name),
        queues.getQueueClient(`${name}-poison`),
        hostJson.queues,
        flavour,
      );
      listeners.push(listener);
      rows.push({
        name: fn.name,
        trigger: flavour === 'storage' ? 'queue' : 'serviceBus',
        detail: listener.description,
      });
    } else if (type === 'blobtrigger') {
      const listener = new BlobListener(
        app,
        fn,
        blobs,
        queues.getQueueClient(BLOB_POISON_QUEUE),
        hostJson.queues.maxDequeueCount,
        hostId,
      );
      listeners.push(listener);
      rows.push({ name: fn.name, trigger: 'blob', detail: listener.description });
    } else if (type === 'timertrigger') {
      const listener = new TimerListener(app, fn, blobs, clock, timeZone, hostId);
      listeners.push(listener);
      rows.push({ name: fn.name, trigger: 'timer', detail: listener.description });
    } else if (DURABLE_TRIGGERS.has(type)) {
      rows.push({ name: fn.name, trigger: type === 'orchestrationtrigger' ? 'orchestration' : 'activity', detail: '' });
    } else {
      server.close();
      throw new Error(`function ${fn.name}: trigger type "${fn.trigger.type}" is not supported by the local host`);
    }
  }

  const disabled = (name: string) => process.env[`AzureWebJobs.${name}.Disabled`]?.toLowerCase() === 'true';
  const routes = httpRoutes(app, hostJson.routePrefix).filter((r) => !disabled(r.fn.name));
  let accepting = true;
  server.removeAllListeners('request');
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (!accepting) return send(res, 503, 'the host is shutting down');
    handle(req, res).catch((error: Error) => {
      log('error', `request ${req.method} ${req.url} failed: ${error.stack ?? error.message}`);
      if (!res.headersSent) send(res, 500, '');
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', origin);
    if (url.pathname === '/admin/clock') return clockAdmin(req, res, clock);
    if (durable && /^\/(runtime\/webhooks\/durabletask|durabletask)\//.test(url.pathname)) {
      if (await durable.handleHttp(req, res, url)) return;
      return send(res, 404, '');
    }
    let body: Buffer;
    try {
      body = await readRequestBody(req, maxRequestBytes);
    } catch (error) {
      if (!(error instanceof RequestTooLarge)) throw error;
      res.setHeader('connection', 'close');
      return send(res, 413, { error: error.message, where: 'body' });
    }
    return serveFunction(app, routes, keys, req, res, url, body);
  }

  const removeClockSource = clock.mode === 'test' ? installClockSource(() => clock.now()) : () => undefined;
  await app.runAppHook('appStart');
  await durable?.start();
  for (const listener of listeners) await listener.start();
  for (const row of rows.filter((r) => r.trigger !== 'http' && r.detail))
    log('debug', `Host: ${row.name} (${row.trigger}) started: ${row.detail}`);
  if (durable) log('debug', `Host: Durable task hub "${options.hubName ?? hostJson.hubName}" on ${origin}`);

  let stopped: Promise<void> | undefined;
  return {
    url: origin,
    port,
    clock,
    keys,
    app,
    functions: rows,
    durable,
    stop(graceMs = 10_000) {
      stopped ??= (async () => {
        const deadline = Date.now() + graceMs;
        const left = () => Math.max(0, deadline - Date.now());
        accepting = false;
        // One grace period for the whole shutdown, however a listener honours it.
        await Promise.all(listeners.map((l) => settlesWithin(l.stop(left()), left())));
        await durable?.stop(left());
        const drained = await app.drain(left());
        if (!drained) log('warn', `in-flight invocations did not finish within ${graceMs} ms`);
        await app.runAppHook('appTerminate');
        await closeServer(server);
        removeClockSource();
      })();
      return stopped;
    },
  };
}

async function clockAdmin(req: IncomingMessage, res: ServerResponse, clock: Clock): Promise<void> {
  if (clock.mode !== 'test' || req.method !== 'POST') return send(res, 404, '');
  const body = JSON.parse((await readRequestBody(req)).toString('utf8') || '{}') as {
    advanceMs?: number;
    setIso?: string;
  };
  if (typeof body.advanceMs === 'number') await clock.advance(body.advanceMs);
  else if (typeof body.setIso === 'string') await clock.set(Date.parse(body.setIso));
  else return send(res, 400, { error: 'body must be {"advanceMs": <number>} or {"setIso": "<ISO time>"}' });
  send(res, 200, { now: new Date(clock.now()).toISOString() });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
  });
}
