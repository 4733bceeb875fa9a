import type { Command } from 'commander';
import { loadConfig } from '../../shared/config';
import { blobServiceClient } from '../../shared/storage/clients';
import { FINETUNE_CONTAINER } from '../../workflows/radiology/names';

export function register(program: Command): void {
  program
    .command('finetune')
    .description('Fine-tuning data collected from signed reports')
    .command('export <pipeline>')
    .description(
      'Counts the de-identified (draft, signed) pairs per month and prints where they are (chat fine-tuning JSONL)',
    )
    .option('--json', 'print JSON')
    .action(async (pipeline: string, o: { json?: boolean }) => {
      if (pipeline !== 'radiology')
        throw new Error(`fine-tuning data is collected for "radiology" only, got "${pipeline}"`);
      const container = blobServiceClient(loadConfig().storage).getContainerClient(FINETUNE_CONTAINER);
      const files: { path: string; examples: number; edited: number }[] = [];
      if (await container.exists()) {
        for await (const blob of container.listBlobsFlat({ prefix: 'radiology/' })) {
          if (!blob.name.endsWith('.jsonl')) continue;
          const text = (await container.getBlobClient(blob.name).downloadToBuffer()).toString('utf8');
          const lines = text.split('\n').filter(Boolean);
          const edited = lines.filter((l) => (JSON.parse(l) as { metadata?: { edited?: boolean } }).metadata?.edited);
          files.push({ path: `finetune/${blob.name}`, examples: lines.length, edited: edited.length });
        }
      }
      const total = files.reduce((s, f) => s + f.examples, 0);
      if (o.json) return console.log(JSON.stringify({ pipeline, total, files }));
      for (const f of files) console.log(`${f.path}  ${f.examples} example(s), ${f.edited} edited by the radiologist`);
      console.log(`${total} example(s) in ${files.length} file(s) (container finetune, chat fine-tuning format)`);
    });
}
