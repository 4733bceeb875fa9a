import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { type HostTarget, hostTarget, management } from '../host-client';
import { allInstances, fail, hostOptions, raiseEvent, runtimeStatuses, type Status, terminate } from './durable';

const FINISHED = ['Completed', 'Failed', 'Terminated'];
type Target = { host?: string; key?: string };

/** Core Tools reads `--input @file.json` from a file; anything else is the JSON itself (or a plain string). */
function jsonArgument(value: string | undefined, option: string): string | undefined {
  if (value === undefined) return undefined;
  const text = value.startsWith('@') ? readFileSync(value.slice(1), 'utf8') : value;
  try {
    JSON.parse(text);
    return text;
  } catch {
    if (value.startsWith('@')) fail(`${option}: ${value.slice(1)} is not valid JSON`);
    return JSON.stringify(text);
  }
}

function isoOption(value: string | undefined, option: string): string | undefined {
  if (value === undefined) return undefined;
  if (Number.isNaN(Date.parse(value)))
    fail(`${option}: "${value}" is not a date/time (use ISO 8601, e.g. 2026-11-30T00:00:00Z)`);
  return new Date(value).toISOString();
}

async function statusOf(target: HostTarget, id: string, query: string): Promise<Status> {
  const response = await management(target, `instances/${encodeURIComponent(id)}${query}`);
  if (response.status === 404) fail(`no instance "${id}"`);
  return (await response.json()) as Status;
}

/**
 * `enclave durable <verb>`: Core Tools' `func durable` verbs and option names, against the running host's Durable
 * management API (Core Tools talks to the task hub's storage directly; here the host owns it while it runs).
 */
export function register(program: Command): void {
  const durable = program
    .command('durable')
    .description("Core Tools' `func durable` verbs: start-new, get-runtime-status, get-history, get-instances, ...");

  hostOptions(durable.command('start-new').description('Start an orchestration'))
    .requiredOption('--function-name <name>', 'the orchestrator function')
    .option('--id <instanceId>', 'instance id (default: a new GUID)')
    .option('--input <json>', 'input as JSON, or @file.json')
    .action(async (o: Target & { functionName: string; id?: string; input?: string }) => {
      const body = jsonArgument(o.input, '--input');
      const response = await management(
        hostTarget(o),
        `orchestrators/${encodeURIComponent(o.functionName)}${o.id ? `/${encodeURIComponent(o.id)}` : ''}`,
        { method: 'POST', headers: { 'content-type': 'application/json' }, body },
      );
      if (response.status !== 202) fail(`the host answered ${response.status}: ${await response.text()}`);
      const { id } = (await response.json()) as { id: string };
      console.log(`Started '${o.functionName}' with instance id '${id}'`);
    });

  hostOptions(durable.command('get-runtime-status').description('Show an instance as JSON'))
    .requiredOption('--id <instanceId>', 'instance id')
    .option('--show-input', 'include the input', false)
    .option('--show-output', 'include the output', true)
    .action(async (o: Target & { id: string; showInput: boolean; showOutput: boolean }) => {
      const status = await statusOf(hostTarget(o), o.id, `?showInput=${o.showInput}`);
      if (!o.showOutput) status.output = null;
      console.log(JSON.stringify(status, null, 2));
    });

  hostOptions(durable.command('get-history').description("Show an instance's history as JSON"))
    .requiredOption('--id <instanceId>', 'instance id')
    .action(async (o: Target & { id: string }) => {
      const status = await statusOf(hostTarget(o), o.id, '?showHistory=true&showHistoryOutput=true');
      console.log(JSON.stringify((status as Status & { historyEvents?: unknown[] }).historyEvents ?? [], null, 2));
    });

  hostOptions(durable.command('get-instances').description('List instances as JSON'))
    .option('--created-after <iso>', 'created at or after')
    .option('--created-before <iso>', 'created at or before')
    .option('--runtime-status <statuses>', 'comma-separated, e.g. running,failed')
    .option('--top <n>', 'at most this many')
    .action(
      async (o: Target & { createdAfter?: string; createdBefore?: string; runtimeStatus?: string; top?: string }) => {
        const query = new URLSearchParams();
        const after = isoOption(o.createdAfter, '--created-after');
        const before = isoOption(o.createdBefore, '--created-before');
        if (after) query.set('createdTimeFrom', after);
        if (before) query.set('createdTimeTo', before);
        if (o.runtimeStatus) query.set('runtimeStatus', runtimeStatuses(o.runtimeStatus).join(','));
        let all = await allInstances(hostTarget(o), query);
        if (o.top !== undefined) all = all.slice(0, Number(o.top) || 0);
        console.log(JSON.stringify(all, null, 2));
      },
    );

  hostOptions(durable.command('raise-event').description('Raise an external event on an instance'))
    .requiredOption('--id <instanceId>', 'instance id')
    .requiredOption('--event-name <name>', 'event name')
    .option('--event-data <json>', 'event payload as JSON, or @file.json', 'null')
    .action((o: Target & { id: string; eventName: string; eventData: string }) =>
      raiseEvent(hostTarget(o), o.id, o.eventName, jsonArgument(o.eventData, '--event-data')!),
    );

  hostOptions(durable.command('terminate').description('Terminate a running instance'))
    .requiredOption('--id <instanceId>', 'instance id')
    .option('--reason <text>', 'why', 'terminated from the CLI')
    .action((o: Target & { id: string; reason: string }) => terminate(hostTarget(o), o.id, o.reason));

  hostOptions(
    durable
      .command('purge-history')
      .description('Delete finished instances (history, instance rows, large messages) from the task hub'),
  )
    .option('--created-after <iso>', 'created at or after (default: any time)')
    .option('--created-before <iso>', 'created at or before (default: now)')
    .option('--runtime-status <statuses>', 'finished statuses only', 'completed,failed,terminated')
    .option('--dry-run', 'count and list what would be purged, delete nothing')
    .action(
      async (
        o: Target & { createdAfter?: string; createdBefore?: string; runtimeStatus: string; dryRun?: boolean },
      ) => {
        const statuses = runtimeStatuses(o.runtimeStatus);
        const unfinished = statuses.filter((s) => !FINISHED.includes(s));
        if (unfinished.length > 0)
          fail(`--runtime-status: ${unfinished.join(', ')} instances are never purged (use ${FINISHED.join(', ')})`);
        const query = new URLSearchParams({
          createdTimeFrom: isoOption(o.createdAfter, '--created-after') ?? new Date(0).toISOString(),
          createdTimeTo: isoOption(o.createdBefore, '--created-before') ?? new Date().toISOString(),
          runtimeStatus: statuses.join(','),
        });
        const target = hostTarget(o);
        const range = `created ${query.get('createdTimeFrom')} to ${query.get('createdTimeTo')}, ${statuses.join('/')}`;
        if (o.dryRun) {
          const matching = await allInstances(target, query);
          for (const s of matching) console.log(`${s.instanceId.padEnd(40)} ${s.name.padEnd(24)} ${s.runtimeStatus}`);
          console.log(`dry run: ${matching.length} instance(s) would be purged (${range}); nothing deleted`);
          return;
        }
        const response = await management(target, `instances?${query}`, { method: 'DELETE' });
        if (response.status === 404) return console.log(`Purged 0 instance(s) (${range})`);
        if (response.status !== 200) fail(`the host answered ${response.status}: ${await response.text()}`);
        const { instancesDeleted } = (await response.json()) as { instancesDeleted: number };
        console.log(`Purged ${instancesDeleted} instance(s) (${range})`);
      },
    );
}
