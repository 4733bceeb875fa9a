import type { Command } from 'commander';
import { type HostTarget, hostTarget, management } from '../host-client';

export interface Status {
  instanceId: string;
  name: string;
  runtimeStatus: string;
  createdTime: string;
  lastUpdatedTime: string;
  customStatus: unknown;
  output: unknown;
}

export const hostOptions = (cmd: Command) =>
  cmd.option('--host <url>', 'host base URL', 'http://localhost:7071').option('--key <key>', 'Durable system key');

export function fail(message: string): never {
  throw new Error(message);
}

const STATUS_NAMES: Record<string, string> = {
  running: 'Running',
  pending: 'Pending',
  completed: 'Completed',
  failed: 'Failed',
  terminated: 'Terminated',
  suspended: 'Suspended',
  continuedasnew: 'ContinuedAsNew',
};

/** `running,failed` (any case) → the runtime status names the management API takes. */
export function runtimeStatuses(list: string): string[] {
  return list
    .split(',')
    .map(
      (s) =>
        STATUS_NAMES[s.trim().toLowerCase()] ??
        fail(`unknown runtime status "${s}" (use ${Object.keys(STATUS_NAMES).join(', ')})`),
    );
}

/** Every page of `GET instances/?<query>`, following x-ms-continuation-token. */
export async function allInstances(target: HostTarget, query: URLSearchParams): Promise<Status[]> {
  let token: string | null = null;
  const all: Status[] = [];
  do {
    const response: Response = await management(target, `instances/?${query}`, {
      headers: token ? { 'x-ms-continuation-token': token } : {},
    });
    if (response.status !== 200) fail(`the host answered ${response.status}: ${await response.text()}`);
    all.push(...((await response.json()) as Status[]));
    token = response.headers.get('x-ms-continuation-token');
  } while (token);
  return all;
}

export async function raiseEvent(target: HostTarget, id: string, event: string, json: string): Promise<void> {
  try {
    JSON.parse(json);
  } catch {
    fail(`the event data is not valid JSON: ${json}`);
  }
  const response = await management(
    target,
    `instances/${encodeURIComponent(id)}/raiseEvent/${encodeURIComponent(event)}`,
    { method: 'POST', headers: { 'content-type': 'application/json' }, body: json },
  );
  if (response.status === 404) fail(`no instance "${id}"`);
  if (response.status === 410) fail(`instance "${id}" has already finished`);
  if (response.status !== 202) fail(`the host answered ${response.status}: ${await response.text()}`);
  console.log(`raised ${event} on ${id}`);
}

export async function terminate(target: HostTarget, id: string, reason: string): Promise<void> {
  const response = await management(
    target,
    `instances/${encodeURIComponent(id)}/terminate?reason=${encodeURIComponent(reason)}`,
    { method: 'POST' },
  );
  if (response.status === 404) fail(`no instance "${id}"`);
  if (response.status === 410) fail(`instance "${id}" has already finished`);
  console.log(`terminating ${id}`);
}

export function register(program: Command): void {
  hostOptions(program.command('status <instanceId>').description('Show an orchestration instance'))
    .option('--history', 'include the history')
    .option('--json', 'print JSON')
    .action(async (id: string, options: { host?: string; key?: string; history?: boolean; json?: boolean }) => {
      const response = await management(
        hostTarget(options),
        `instances/${encodeURIComponent(id)}${options.history ? '?showHistory=true&showHistoryOutput=true' : ''}`,
      );
      if (response.status === 404) fail(`no instance "${id}"`);
      const status = (await response.json()) as Status;
      if (options.json) return console.log(JSON.stringify(status, null, 2));
      console.log(`${status.instanceId}  ${status.name}  ${status.runtimeStatus}`);
      console.log(`created ${status.createdTime}  updated ${status.lastUpdatedTime}`);
      if (status.customStatus != null) console.log(`custom status: ${JSON.stringify(status.customStatus)}`);
      if (status.output != null) console.log(`output: ${JSON.stringify(status.output)}`);
    });

  hostOptions(program.command('list').description('List orchestration instances'))
    .option('--status <statuses>', 'comma-separated runtime statuses, e.g. running,failed')
    .option('--prefix <prefix>', 'instance id prefix')
    .option('--json', 'print JSON lines')
    .action(async (options: { host?: string; key?: string; status?: string; prefix?: string; json?: boolean }) => {
      const target = hostTarget(options);
      const query = new URLSearchParams();
      if (options.status) {
        query.set('runtimeStatus', runtimeStatuses(options.status).join(','));
      }
      if (options.prefix) query.set('instanceIdPrefix', options.prefix);
      const all = await allInstances(target, query);
      if (options.json) {
        for (const s of all) console.log(JSON.stringify(s));
        return;
      }
      for (const s of all)
        console.log(
          `${s.instanceId.padEnd(40)} ${s.name.padEnd(24)} ${s.runtimeStatus.padEnd(12)} ${s.lastUpdatedTime}`,
        );
      console.log(`${all.length} instance(s)`);
    });

  hostOptions(
    program.command('raise <instanceId> <event> <json>').description('Raise an external event on an instance'),
  ).action((id: string, event: string, json: string, options: { host?: string; key?: string }) =>
    raiseEvent(hostTarget(options), id, event, json),
  );

  hostOptions(program.command('terminate <instanceId>').description('Terminate a running instance'))
    .option('--reason <text>', 'why', 'terminated from the CLI')
    .action((id: string, options: { host?: string; key?: string; reason: string }) =>
      terminate(hostTarget(options), id, options.reason),
    );
}
