import type { Command } from 'commander';
import { auditStorage } from '../../shared/audit/index';
import { readRecords } from '../../shared/audit/reader';
import { loadConfig } from '../../shared/config';
import { type SpendRecord, summariseSpend } from '../../shared/model/spend';

export function register(program: Command): void {
  program
    .command('cost')
    .description('Model spend by pipeline, region and deployment from the audit trail, with the PTU comparison')
    .option('--month <YYYY-MM>', 'month to report (default: this month)')
    .option('--json', 'print JSON')
    .action(async (options: { month?: string; json?: boolean }) => {
      const month = options.month ?? new Date().toISOString().slice(0, 7);
      if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new Error(`--month must be YYYY-MM, got "${month}"`);
      const from = `${month}-01`;
      const end = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0));
      const to = end.toISOString().slice(0, 10);
      const records = await readRecords(auditStorage(loadConfig()).container, from, to);
      const spend = summariseSpend(records as SpendRecord[], end.getUTCDate() * 24);
      if (options.json) return console.log(JSON.stringify({ month, ...spend }, null, 2));
      const usd = (n: number) => `$${n.toFixed(4)}`;
      console.log(
        `Model spend ${month}: ${usd(spend.totalUsd)} (pay-as-you-go equivalent ${usd(spend.paygEquivalentUsd)})`,
      );
      for (const [title, lines] of [
        ['pipeline', spend.byPipeline],
        ['region', spend.byRegion],
        ['deployment', spend.byDeployment],
      ] as const) {
        console.log(`\nby ${title}`);
        for (const l of lines)
          console.log(
            `  ${l.key.padEnd(20)} ${String(l.calls).padStart(7)} calls ${String(l.tokens).padStart(10)} tokens ${usd(l.usd).padStart(12)}`,
          );
      }
      console.log('\nhedging by day and pipeline (the attempts that lost a hedge race, already in the totals above)');
      if (spend.hedging.length === 0) console.log('  no hedged calls');
      for (const h of spend.hedging)
        console.log(
          `  ${h.day} ${h.pipeline.padEnd(12)} ${String(h.calls).padStart(7)} calls ${String(h.hedges).padStart(5)} hedges ${usd(h.usd).padStart(12)}`,
        );
      console.log(
        `\nPTU: ${spend.ptu.ptus} PTU for the month would cost $${spend.ptu.ptuUsd.toFixed(2)} at ${(spend.ptu.utilisation * 100).toFixed(2)}% utilisation; PTU breaks even at ${(spend.ptu.breakEvenUtilisation * 100).toFixed(1)}% utilisation.`,
      );
    });
}
