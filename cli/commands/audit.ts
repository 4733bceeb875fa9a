import type { Command } from 'commander';
import { auditHeadKey, auditStorage } from '../../shared/audit/index';
import { queryAudit, toCsv } from '../../shared/audit/query';
import type { UnreadableLine } from '../../shared/audit/unreadable';
import { verifyAudit } from '../../shared/audit/verify';
import { loadConfig } from '../../shared/config';

const today = () => new Date().toISOString().slice(0, 10);
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function range(options: { from?: string; to?: string }): { from: string; to: string } {
  const from = options.from ?? options.to ?? today();
  const to = options.to ?? options.from ?? today();
  for (const [name, value] of [
    ['--from', from],
    ['--to', to],
  ] as const) {
    if (!DATE.test(value)) throw new Error(`${name} must be a date YYYY-MM-DD, got "${value}"`);
  }
  if (from > to) throw new Error(`--from ${from} is after --to ${to}`);
  return { from, to };
}

/** Readers keep going past a damaged line, but never silently: stderr names it, stdout stays clean data. */
const warnUnreadable = ({ blob, line }: UnreadableLine) =>
  console.error(
    `warning: skipped ${blob} line ${line}: not a JSON record (edited or damaged); run \`enclave audit verify\``,
  );

export function register(program: Command): void {
  const audit = program.command('audit').description('Verify, query and export the tamper-evident audit trail');

  audit
    .command('verify')
    .description(
      'Recompute every hash chain of the range and check it against the signed heads and day manifests; exit 1 on any problem',
    )
    .option('--from <date>', 'first day, YYYY-MM-DD (default today)')
    .option('--to <date>', 'last day, YYYY-MM-DD (default --from)')
    .option('--json', 'print the result as JSON')
    .action(async (options: { from?: string; to?: string; json?: boolean }) => {
      const { from, to } = range(options);
      const config = loadConfig();
      const storage = auditStorage(config);
      const result = await verifyAudit(storage.container, storage.heads, from, to, auditHeadKey(config.audit));
      if (options.json) console.log(JSON.stringify(result, null, 2));
      else if (result.ok)
        console.log(
          `OK, ${result.records} records in ${result.chains} chains${result.segments > result.chains ? ` (${result.segments} segments)` : ''} (${from} .. ${to})`,
        );
      else {
        const first = result.problems[0]!;
        console.error(
          `BROKEN (${first.kind}): ${first.blob}${first.line ? ` line ${first.line}` : ''}${first.seq !== undefined ? ` (seq ${first.seq})` : ''}: ${first.problem}`,
        );
        if (result.problems.length > 1)
          console.error(`and ${result.problems.length - 1} more problem(s); --json lists them all`);
      }
      if (!result.ok) process.exitCode = 1;
    });

  audit
    .command('query')
    .description('Records matching the filters, as a table or JSON lines')
    .option('--pipeline <name>')
    .option('--user <id>', 'userId, reviewer or actor')
    .option('--kind <kind>', 'model-call, review or pipeline')
    .option('--from <date>')
    .option('--to <date>')
    .option('--json', 'JSON lines')
    .action(
      async (options: {
        pipeline?: string;
        user?: string;
        kind?: string;
        from?: string;
        to?: string;
        json?: boolean;
      }) => {
        const records = await queryAudit(
          auditStorage(loadConfig()).container,
          { ...range(options), pipeline: options.pipeline, user: options.user, kind: options.kind },
          { onUnreadable: warnUnreadable },
        );
        if (options.json) {
          for (const r of records) console.log(JSON.stringify(r));
          return;
        }
        for (const r of records) {
          const who = r.userId ?? r.reviewer ?? r.actor;
          const what =
            r.kind === 'model-call'
              ? `${r.outcome} ${r.region} ${r.costUsd}$`
              : `${r.event}${r.decision ? ` ${r.decision}` : ''}`;
          console.log(
            `${r.timestamp}  ${String(r.kind).padEnd(10)} ${String(r.pipeline).padEnd(10)} ${String(who).padEnd(28)} ${what}`,
          );
        }
        console.log(`${records.length} record(s)`);
      },
    );

  audit
    .command('export')
    .description('Export records for a SIEM')
    .option('--format <format>', 'jsonl or csv', 'jsonl')
    .option('--from <date>')
    .option('--to <date>')
    .action(async (options: { format: string; from?: string; to?: string }) => {
      if (options.format !== 'jsonl' && options.format !== 'csv')
        throw new Error(`--format must be jsonl or csv, got "${options.format}"`);
      const records = await queryAudit(auditStorage(loadConfig()).container, range(options), {
        onUnreadable: warnUnreadable,
      });
      console.log(options.format === 'csv' ? toCsv(records) : records.map((r) => JSON.stringify(r)).join('\n'));
    });
}
