import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { loadConfig } from '../../shared/config';
import { blobServiceClient } from '../../shared/storage/clients';
import { generateDemoLake } from '../../shared/var/demo';
import { computeFactsSheet } from '../../shared/var/facts';
import { loadLake } from '../../shared/var/lake';
import { diskLake } from '../../shared/var/lake-files';
import { LAKE_CONTAINER } from '../../workflows/var/names';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function register(program: Command): void {
  const v = program.command('var').description('Daily VaR report tools');
  v.command('compute')
    .description('Compute the full facts sheet from a data-lake folder (no workflow)')
    .requiredOption('--lake <dir>', 'folder with marketdata/, positions/, limits.json')
    .requiredOption('--date <YYYY-MM-DD>', 'business date')
    .option('--method <method>', 'historical, parametric or montecarlo', 'historical')
    .option('--quantile <mode>', 'linear, lower or higher', 'linear')
    .option('--returns <kind>', 'simple, log or absolute', 'simple')
    .option('--ten-day <convention>', 'sqrt10 or overlapping', 'sqrt10')
    .option('--json', 'print JSON (the default output)')
    .action(
      async (o: { lake: string; date: string; method: string; quantile: string; returns: string; tenDay: string }) => {
        if (!DATE.test(o.date)) throw new Error(`--date must be YYYY-MM-DD, got "${o.date}"`);
        const choices: [string, string, string[]][] = [
          ['--method', o.method, ['historical', 'parametric', 'montecarlo']],
          ['--quantile', o.quantile, ['linear', 'lower', 'higher']],
          ['--returns', o.returns, ['simple', 'log', 'absolute']],
          ['--ten-day', o.tenDay, ['sqrt10', 'overlapping']],
        ];
        for (const [flag, value, allowed] of choices)
          if (!allowed.includes(value)) throw new Error(`${flag} must be one of ${allowed.join(', ')}, got "${value}"`);
        const lake = await loadLake(diskLake(o.lake), o.date);
        if (!lake)
          throw new Error(
            `no market data for ${o.date} in ${o.lake} (expected marketdata/${o.date}/prices.csv and positions/${o.date}.csv)`,
          );
        const facts = computeFactsSheet(lake, o.date, {
          method: o.method as never,
          quantile: o.quantile as never,
          returns: o.returns as never,
          tenDay: o.tenDay as never,
        });
        console.log(JSON.stringify(facts, null, 2));
      },
    );

  program
    .command('demo-data <pipeline>')
    .description(
      'Write seeded sample data: `var` writes a multi-year data lake (50 instruments, 4 desks, 3 currencies)',
    )
    .option('--date <YYYY-MM-DD>', 'business date of the sample', new Date().toISOString().slice(0, 10))
    .option('--out <dir>', 'write the lake into this folder')
    .option('--upload', "write it into the running stack's `datalake` container instead")
    .action(async (pipeline: string, o: { date: string; out?: string; upload?: boolean }) => {
      if (pipeline !== 'var') throw new Error(`demo data exists for "var" only, got "${pipeline}"`);
      if (!DATE.test(o.date)) throw new Error(`--date must be YYYY-MM-DD, got "${o.date}"`);
      if (!o.out && !o.upload) throw new Error('give --out <dir> or --upload');
      const { files } = generateDemoLake(o.date);
      if (o.out) {
        for (const [name, text] of Object.entries(files)) {
          mkdirSync(path.dirname(path.join(o.out, name)), { recursive: true });
          writeFileSync(path.join(o.out, name), text);
        }
        console.log(`wrote ${Object.keys(files).length} files under ${o.out}`);
      }
      if (o.upload) {
        const container = blobServiceClient(loadConfig().storage).getContainerClient(LAKE_CONTAINER);
        await container.createIfNotExists();
        for (const [name, text] of Object.entries(files))
          await container.getBlockBlobClient(name).upload(text, Buffer.byteLength(text));
        console.log(`uploaded ${Object.keys(files).length} files to container datalake`);
      }
    });
}
