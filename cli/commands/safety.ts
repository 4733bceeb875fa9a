import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { CATEGORIES } from '../../shared/model/safety/categories';
import { analyseText } from '../../shared/model/safety/local-analyser';
import { judge, POLICIES, policyFor } from '../../shared/model/safety/policy';

export function register(program: Command): void {
  const safety = program.command('safety').description('Content safety as the model gateway applies it');
  safety
    .command('analyze <text>')
    .description(
      'Score text on the five categories (0–7) and decide allow/warn/block under a pipeline policy; "-" reads stdin',
    )
    .option('--pipeline <name>', `policy: ${Object.keys(POLICIES).join(', ')}`, 'default')
    .option('--json', 'print JSON')
    .action((text: string, options: { pipeline: string; json?: boolean }) => {
      if (!POLICIES[options.pipeline]) throw new Error(`--pipeline must be one of ${Object.keys(POLICIES).join(', ')}`);
      const input = text === '-' ? readFileSync(0, 'utf8') : text;
      const context = { clinical: options.pipeline === 'radiology', legal: options.pipeline === 'foia' };
      const verdict = judge(analyseText(input, context), policyFor(options.pipeline));
      if (options.json) return console.log(JSON.stringify({ pipeline: options.pipeline, ...verdict }));
      for (const c of CATEGORIES) console.log(`${c.padEnd(16)} ${verdict.severities[c]}`);
      console.log(
        `decision: ${verdict.decision}${verdict.flagged.length ? ` (${verdict.flagged.join(', ')})` : ''} under the ${options.pipeline} policy`,
      );
    });
}
