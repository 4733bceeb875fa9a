import { randomUUID, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { checkStatusBody, RPC, WEBHOOK } from './client-binding';
import type { Engine } from './engine';
import { EventName, EventType, TERMINAL } from './history';
import type { Instance } from './instance';
import { purgeInstance, purgeInstances, purgeQuery } from './purge';

const RUNNING = new Set(['Running', 'Pending', 'ContinuedAsNew', 'Suspended']);
const PAGE = 100;

function send(res: ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}): void {
  if (body === undefined) {
    res.writeHead(status, headers);
    res.end();
    return;
  }
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, {
    'content-type': typeof body === 'string' ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8',
    ...headers,
  });
  res.end(text);
}

const readBody = (req: IncomingMessage) =>
  new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });

const isoNoMs = (iso: string) => iso.replace(/\.\d{3}Z$/, 'Z');

async function statusBody(engine: Engine, instance: Instance, q: URLSearchParams): Promise<Record<string, unknown>> {
  const flag = (key: string, fallback: boolean) => (q.has(key) ? q.get(key)!.toLowerCase() === 'true' : fallback);
  const r = instance.record;
  const body: Record<string, unknown> = {
    name: r.name,
    instanceId: r.instanceId,
    runtimeStatus: r.status,
    input: flag('showInput', true) && r.input != null ? JSON.parse(r.input) : null,
    customStatus: r.customStatus ?? null,
    output: r.output ?? null,
    createdTime: isoNoMs(r.createdTime),
    lastUpdatedTime: isoNoMs(r.lastUpdatedTime),
  };
  if (flag('showHistory', false)) {
    const withOutput = flag('showHistoryOutput', false);
    body.historyEvents = (await engine.historyOf(instance))
      .filter((e) => e.EventType !== EventType.OrchestratorStarted && e.EventType !== EventType.OrchestratorCompleted)
      .map((e) => ({
        EventType: EventName[e.EventType],
        Timestamp: e.Timestamp,
        EventId: e.EventId,
        ...(e.Name ? { Name: e.Name } : {}),
        ...(e.TaskScheduledId !== undefined ? { TaskScheduledId: e.TaskScheduledId } : {}),
        ...(e.TimerId !== undefined ? { TimerId: e.TimerId } : {}),
        ...(withOutput && e.Result !== undefined ? { Result: e.Result } : {}),
      }));
  }
  return body;
}

function keyMatches(presented: string | null, expected: string): boolean {
  if (!presented) return false;
  const a = Buffer.from(presented);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The Durable HTTP management API (devhost-protocol.md §e). Under /runtime/webhooks/durabletask the system key is
 * required, as on Azure; /durabletask/ is the worker-local RPC endpoint the SDK's client uses, served to loopback only.
 */
export async function handleManagementApi(
  engine: Engine,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<boolean> {
  let rest: string;
  if (url.pathname.startsWith(`${WEBHOOK}/`)) {
    if (
      !keyMatches(
        url.searchParams.get('code') ?? (req.headers['x-functions-key'] as string | undefined) ?? null,
        engine.services.systemKey,
      )
    ) {
      send(res, 401, 'The Durable management API requires the system key (code=...)');
      return true;
    }
    rest = url.pathname.slice(WEBHOOK.length);
  } else if (url.pathname.startsWith(`${RPC}/`)) {
    const remote = req.socket.remoteAddress ?? '';
    if (!/^(127\.|::1$|::ffff:127\.)/.test(remote)) {
      send(res, 403, 'the Durable RPC endpoint is local to the host');
      return true;
    }
    rest = url.pathname.slice(RPC.length);
  } else return false;

  const body = await readBody(req);
  const q = url.searchParams;
  const seg = rest.split('/').filter(Boolean).map(decodeURIComponent);
  const method = req.method ?? 'GET';
  const publicOrigin = `http://${req.headers.host ?? new URL(engine.services.origin).host}`.replace(
    '127.0.0.1',
    'localhost',
  );

  if (seg[0] === 'orchestrators' && seg[1] && method === 'POST') {
    if (!engine.isOrchestrator(seg[1])) {
      send(res, 400, {
        Message: `The function '${seg[1]}' doesn't exist, is disabled, or is not an orchestrator function.`,
      });
      return true;
    }
    const id = seg[2] ?? randomUUID().replace(/-/g, '');
    const existing = engine.instances.get(id);
    if (existing && !TERMINAL.has(existing.record.status)) {
      send(res, 409, { Message: `An instance with ID '${id}' already exists and is ${existing.record.status}.` });
      return true;
    }
    let input: string | null = null;
    if (body.length > 0) {
      try {
        JSON.parse(body.toString('utf8'));
        input = body.toString('utf8');
      } catch {
        send(res, 400, { Message: 'The request body is not valid JSON.' });
        return true;
      }
    }
    await engine.startInstance(seg[1], id, input);
    const payload = checkStatusBody(engine.services, publicOrigin, id);
    send(res, 202, payload, { Location: payload.statusQueryGetUri!, 'Retry-After': '10' });
    return true;
  }

  if (seg[0] === 'entities') {
    send(res, 501, 'Durable entities are not supported by the local host.');
    return true;
  }
  if (seg[0] !== 'instances') {
    send(res, 404);
    return true;
  }

  if (!seg[1]) {
    if (method === 'GET') {
      const statuses = q.get('runtimeStatus')?.split(',').filter(Boolean);
      const prefix = q.get('instanceIdPrefix');
      const from = q.get('createdTimeFrom') ? Date.parse(q.get('createdTimeFrom')!) : undefined;
      const to = q.get('createdTimeTo') ? Date.parse(q.get('createdTimeTo')!) : undefined;
      const all = [...engine.instances.values()]
        .filter((i) => !statuses || statuses.includes(i.record.status))
        .filter((i) => !prefix || i.id.startsWith(prefix))
        .filter((i) => from === undefined || Date.parse(i.record.createdTime) >= from)
        .filter((i) => to === undefined || Date.parse(i.record.createdTime) <= to)
        .sort((a, b) => a.record.createdTime.localeCompare(b.record.createdTime) || a.id.localeCompare(b.id));
      const top = Number(q.get('top') ?? PAGE) || PAGE;
      const start = Number(req.headers['x-ms-continuation-token'] ?? 0) || 0;
      const page = await Promise.all(all.slice(start, start + top).map((i) => statusBody(engine, i, q)));
      send(res, 200, page, start + top < all.length ? { 'x-ms-continuation-token': String(start + top) } : {});
      return true;
    }
    if (method === 'DELETE') {
      const query = purgeQuery(q, engine.clock.now());
      if (!query.ok) {
        send(res, 400, query.message);
        return true;
      }
      const deleted = await purgeInstances(engine, query.filter);
      if (deleted === 0) send(res, 404);
      else send(res, 200, { instancesDeleted: deleted });
      return true;
    }
    send(res, 405);
    return true;
  }

  const instance = engine.instances.get(seg[1]);
  if (!seg[2]) {
    if (!instance) {
      send(res, 404);
      return true;
    }
    if (method === 'GET') {
      const running = RUNNING.has(instance.record.status);
      const failedAs500 = instance.record.status === 'Failed' && q.get('returnInternalServerErrorOnFailure') === 'true';
      send(
        res,
        running ? 202 : failedAs500 ? 500 : 200,
        await statusBody(engine, instance, q),
        running ? { Location: url.href, 'Retry-After': '5' } : {},
      );
      return true;
    }
    if (method === 'DELETE') {
      send(res, 200, { instancesDeleted: await purgeInstance(engine, instance) });
      return true;
    }
    send(res, 405);
    return true;
  }
  if (method !== 'POST') {
    send(res, 405);
    return true;
  }
  if (!instance) {
    send(res, 404);
    return true;
  }
  const op = seg[2].toLowerCase();
  if (op === 'raiseevent' && seg[3]) {
    if (TERMINAL.has(instance.record.status)) {
      send(res, 410);
      return true;
    }
    if (!/^application\/json/i.test(String(req.headers['content-type'] ?? ''))) {
      send(res, 400, 'Only application/json request content is supported');
      return true;
    }
    const text = body.toString('utf8');
    try {
      if (text) JSON.parse(text);
    } catch {
      send(res, 400, 'Invalid JSON content');
      return true;
    }
    await engine.raiseEvent(instance, seg[3], text || null);
    send(res, 202);
    return true;
  }
  if (op === 'terminate' || op === 'suspend' || op === 'resume') {
    if (TERMINAL.has(instance.record.status)) {
      send(res, 410);
      return true;
    }
    await engine.control(instance, op, q.get('reason'));
    send(res, 202);
    return true;
  }
  if (op === 'rewind') {
    if (instance.record.status !== 'Failed') send(res, 410);
    else send(res, 501, 'Rewind is not supported by the local host: start a new instance with the same input instead.');
    return true;
  }
  if (op === 'restart') {
    if (instance.record.parent) {
      send(res, 400, 'A sub-orchestration cannot be restarted on its own.');
      return true;
    }
    const newId = q.get('restartWithNewInstanceId') === 'true' ? randomUUID().replace(/-/g, '') : instance.id;
    if (newId === instance.id && !TERMINAL.has(instance.record.status)) {
      send(res, 409, { Message: `Instance '${instance.id}' is still ${instance.record.status}.` });
      return true;
    }
    await engine.startInstance(instance.record.name, newId, instance.record.input);
    const payload = checkStatusBody(engine.services, publicOrigin, newId);
    send(res, 202, payload, { Location: payload.statusQueryGetUri! });
    return true;
  }
  send(res, 404);
  return true;
}
