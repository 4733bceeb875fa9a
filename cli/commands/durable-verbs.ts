import type { Command } from 'commander';
import { type HostTarget, hostTarget, management } from '../host-client';

/**
 * Core Tools' `func durable` verbs, with its option names, over the same management API: people and scripts that
 * know `func durable get-runtime-status --id …` use `enclave durable get-runtime-status --id …`.
 */
export function register(program: Command): void {
  const durable = program.command('durable').description("Core Tools' `func durable` verbs over the local host");
  const verb = (name: string, description: string) =>
    durable
      .command(name)
      .description(description)
      .option('--host <url>', 'host base URL', 'http://localhost:7071')
      .option('--key <key>', 'Durable system key');

  verb('start-new', 'Start an orchestration')
    .requiredOption('--function-name <name>', 'the orchestrator function')
    .option('--id <instanceId>', 'instance id (else a new one)')
    .option('--input <json>', 'input as JSON')
    .action(async (o: Options & { functionName: string; id?: string; input?: string }) => {
      const path = `orchestrators/${encodeURIComponent(o.functionName)}${o.id ? `/${encodeURIComponent(o.id)}` : ''}`;
      const body = o.input === undefined ? undefined : json(o.input, '--input');
      print(await expect(await management(hostTarget(o), path, { method: 'POST', body }), [202]));
    });

  verb('get-runtime-status', 'Status of an instance')
    .requiredOption('--id <instanceId>', 'instance id')
    .option('--show-input', 'include the input')
    .option('--show-output', 'include the output')
    .action(async (o: Options & { id: string; showInput?: boolean; showOutput?: boolean }) => {
      const q = new URLSearchParams({ showInput: String(!!o.showInput) });
      const response = await management(hostTarget(o), `instances/${encodeURIComponent(o.id)}?${q}`);
      const status = (await expect(response, [200, 202, 500])) as Record<string, unknown>;
      if (!o.showOutput) delete status.output;
      print(status);
    });

  verb('get-history', 'History of an instance')
    .requiredOption('--id <instanceId>', 'instance id')
    .action(async (o: Options & { id: string }) => {
      const response = await management(
        hostTarget(o),
        `instances/${encodeURIComponent(o.id)}?showHistory=true&showHistoryOutput=true`,
      );
      print(((await expect(response, [200, 202, 500])) as { historyEvents?: unknown[] }).historyEvents ?? []);
    });

  verb('get-instances', 'Instances, filtered')
    .option('--created-after <iso>', 'created at or after')
    .option('--created-before <iso>', 'created at or before')
    .option('--runtime-status <statuses>', 'comma-separated, e.g. Running,Failed')
    .option('--top <n>', 'at most this many')
    .action(async (o: Options & Filters & { top?: string }) => {
      const q = filterQuery(o);
      if (o.top) q.set('top', o.top);
      print(await expect(await management(hostTarget(o), `instances/?${q}`), [200]));
    });

  verb('raise-event', 'Raise an event on an instance')
    .requiredOption('--id <instanceId>', 'instance id')
    .requiredOption('--event-name <name>', 'event name')
    .option('--event-data <json>', 'event data as JSON', 'null')
    .action(async (o: Options & { id: string; eventName: string; eventData: string }) => {
      const path = `instances/${encodeURIComponent(o.id)}/raiseEvent/${encodeURIComponent(o.eventName)}`;
      const init = {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: json(o.eventData, '--event-data'),
      };
      await expect(await management(hostTarget(o), path, init), [202]);
      console.log(`Raised event ${o.eventName} to instance ${o.id}`);
    });

  verb('terminate', 'Terminate an instance')
    .requiredOption('--id <instanceId>', 'instance id')
    .option('--reason <text>', 'why', 'terminated from the CLI')
    .action(async (o: Options & { id: string; reason: string }) => {
      const path = `instances/${encodeURIComponent(o.id)}/terminate?reason=${encodeURIComponent(o.reason)}`;
      await expect(await management(hostTarget(o), path, { method: 'POST' }), [202]);
      console.log(`Terminated ${o.id}`);
    });

  verb('purge-history', 'Remove finished instances (history, instance rows, large messages); the audit trail stays')
    .option('--created-after <iso>', 'created at or after', '0001-01-01T00:00:00Z')
    .option('--created-before <iso>', 'created at or before (default now)')
    .option('--runtime-status <statuses>', 'only these of Completed, Failed, Terminated', 'Completed,Failed,Terminated')
    .option('--dry-run', 'count what would go and delete nothing')
    .action(async (o: Options & Filters & { dryRun?: boolean }) => {
      const target = hostTarget(o);
      const statuses = o.runtimeStatus!.split(',').map((s) => s.trim());
      const running = statuses.filter((s) => !['Completed', 'Failed', 'Terminated', 'Canceled'].includes(s));
      if (running.length)
        throw new Error(`--runtime-status: ${running.join(', ')} is not finished; only finished instances are purged`);
      const q = filterQuery({ ...o, createdBefore: o.createdBefore ?? new Date().toISOString() });
      const count = (await finished(target, q)).length;
      if (o.dryRun) return console.log(`Would purge ${count} instance(s) (dry run: nothing deleted)`);
      if (count === 0) return console.log('Purged 0 instance(s)');
      const response = await management(target, `instances/?${q}`, { method: 'DELETE' });
      const { instancesDeleted } = (await expect(response, [200])) as { instancesDeleted: number };
      console.log(`Purged ${instancesDeleted} instance(s)`);
    });
}

interface Options {
  host?: string;
  key?: string;
}
interface Filters {
  createdAfter?: string;
  createdBefore?: string;
  runtimeStatus?: string;
}

function filterQuery(o: Filters): URLSearchParams {
  const q = new URLSearchParams();
  for (const [name, value] of [
    ['createdTimeFrom', o.createdAfter],
    ['createdTimeTo', o.createdBefore],
  ] as const) {
    if (value === undefined) continue;
    if (Number.isNaN(Date.parse(value)))
      throw new Error(
        `${name === 'createdTimeFrom' ? '--created-after' : '--created-before'}: "${value}" is not a date`,
      );
    q.set(name, new Date(value).toISOString());
  }
  if (o.runtimeStatus) q.set('runtimeStatus', o.runtimeStatus);
  return q;
}

/** Every instance the filter matches, across continuation pages. */
async function finished(target: HostTarget, q: URLSearchParams): Promise<unknown[]> {
  const all: unknown[] = [];
  let token: string | null = null;
  do {
    const response: Response = await management(target, `instances/?${q}`, {
      headers: token ? { 'x-ms-continuation-token': token } : {},
    });
    all.push(...((await expect(response, [200])) as unknown[]));
    token = response.headers.get('x-ms-continuation-token');
  } while (token);
  return all;
}

function json(text: string, option: string): string {
  try {
    JSON.parse(text);
    return text;
  } catch {
    throw new Error(`${option}: not valid JSON: ${text}`);
  }
}

async function expect(response: Response, ok: number[]): Promise<unknown> {
  const text = await response.text();
  if (!ok.includes(response.status)) throw new Error(`the host answered ${response.status}${text ? `: ${text}` : ''}`);
  return text ? JSON.parse(text) : {};
}

const print = (value: unknown) => console.log(JSON.stringify(value, null, 2));
