import type { Command } from 'commander';
import { loadConfig } from '../../shared/config';
import { readOutbox } from '../../shared/review/notifier';
import { tableClient } from '../../shared/storage/clients';
import { OUTBOX_TABLE } from '../../workflows/review/names';
import { openReviewLink, postReviewDecision } from '../review-link';

export function register(program: Command): void {
  const review = program.command('review').description('Reviewer notifications and decisions (local stack)');
  review
    .command('list')
    .description('The local outbox: every review notification with its link (newest first)')
    .option('--json', 'JSON lines')
    .action(async (options: { json?: boolean }) => {
      const config = loadConfig();
      if (config.environment !== 'local')
        throw new Error(
          'the outbox exists on the local stack only; on Azure notifications go to the Service Bus topic "notifications"',
        );
      const rows = await readOutbox(tableClient(config.storage, OUTBOX_TABLE));
      if (options.json) {
        for (const n of rows) console.log(JSON.stringify(n));
        return;
      }
      for (const n of rows)
        console.log(`${n.at}  ${n.kind.padEnd(17)} ${n.to.padEnd(28)} ${n.title}\n    ${n.url ?? '(no link)'}`);
      console.log(`${rows.length} notification(s)`);
    });

  review
    .command('decide <url> <decision>')
    .description('Decide through a review link as a browser would: approve, or reject with --reason')
    .option('--reason <text>', 'why the draft goes back (reject)')
    .action(async (url: string, decision: string, options: { reason?: string }) => {
      if (decision !== 'approve' && decision !== 'reject')
        throw new Error(`<decision> must be approve or reject, got "${decision}"`);
      const opened = await openReviewLink(url);
      if (opened.status !== 200) throw new Error(`the link answered ${opened.status}: ${pageMessage(opened.html)}`);
      const response = await postReviewDecision(opened, { decision, reason: options.reason ?? '' });
      const text = pageMessage(await response.text());
      if (response.status !== 200) throw new Error(`refused (${response.status}): ${text}`);
      console.log(text);
    });
}

/** What the page says to the reader: the text of its <main>, without the styles in <head>. */
function pageMessage(html: string): string {
  const main = /<main>([\s\S]*)<\/main>/.exec(html)?.[1] ?? html;
  return main
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
