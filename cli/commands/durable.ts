import type { Command } from 'commander';
import { hostTarget, management } from '../host-client';

interface Status {
  instanceId: string;
  name: string;
  runtimeStatus: string;
  createdTime: string;
  lastUpdatedTime: string;
  customStatus: unknown;
  output: unknown;
}

const hostOptions = (cmd: Command) =>
  cmd.option('--host <url>', 'host base URL', 'http://localhost:7071').option('--key <key>', 'Durable system key');

function fail(message: string): never {
  throw new Error(message);
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
        const map: Record<string, string> = {
          running: 'Running',
          pending: 'Pending',
          completed: 'Completed',
          failed: 'Failed',
          terminated: 'Terminated',
          suspended: 'Suspended',
          continuedasnew: 'ContinuedAsNew',
        };
        query.set(
          'runtimeStatus',
          options.status
            .split(',')
            .map(
              (s) => map[s.trim().toLowerCase()] ?? fail(`unknown status "${s}" (use ${Object.keys(map).join(', ')})`),
            )
            .join(','),
        );
      }
      if (options.prefix) query.set('instanceIdPrefix', options.prefix);
      let token: string | null = null;
      const all: Status[] = [];
      do {
        const response: Response = await management(target, `instances/?${query}`, {
          headers: token ? { 'x-ms-continuation-token': token } : {},
        });
        all.push(...((await response.json()) as Status[]));
        token = response.headers.get('x-ms-continuation-token');
      } while (token);
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
  ).action(async (id: string, event: string, json: string, options: { host?: string; key?: string }) => {
    try {
      JSON.parse(json);
    } catch {
      fail(`<json> is not valid JSON: ${json}`);
    }
    const response = await management(
      hostTarget(options),
      `instances/${encodeURIComponent(id)}/raiseEvent/${encodeURIComponent(event)}`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: json,
      },
    );
    if (response.status === 404) fail(`no instance "${id}"`);
    if (response.status === 410) fail(`instance "${id}" has already finished`);
    if (response.status !== 202) fail(`the host answered ${response.status}: ${await response.text()}`);
    console.log(`raised ${event} on ${id}`);
  });

  hostOptions(program.command('terminate <instanceId>').description('Terminate a running instance'))
    .option('--reason <text>', 'why', 'terminated from the CLI')
    .action(async (id: string, options: { host?: string; key?: string; reason: string }) => {
      const response = await management(
        hostTarget(options),
        `instances/${encodeURIComponent(id)}/terminate?reason=${encodeURIComponent(options.reason)}`,
        { method: 'POST' },
      );
      if (response.status === 404) fail(`no instance "${id}"`);
      if (response.status === 410) fail(`instance "${id}" has already finished`);
      console.log(`terminating ${id}`);
    });
}
