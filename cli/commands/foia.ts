import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { loadConfig } from '../../shared/config';
import { detectRedactions } from '../../shared/foia/detect';
import { extractText } from '../../shared/foia/extract';
import { redactionRequest } from '../../shared/foia/model-layer';
import { batchGateway } from '../local-gateway';

export function register(program: Command): void {
  const foia = program.command('foia').description('FOIA redaction tools');
  foia
    .command('detect <file>')
    .description(
      'Extract a .txt/.pdf/.docx and run both detection layers (patterns + model through the gateway); JSON lines',
    )
    .option('--no-model', 'deterministic recognisers only')
    .option('--redact-officials', 'also redact officials named in their official capacity')
    .option('--json', 'JSON lines (the default output)')
    .action(async (file: string, o: { model: boolean; redactOfficials?: boolean }) => {
      const extracted = await extractText(path.basename(file), readFileSync(file));
      const batch = o.model ? await batchGateway() : undefined;
      try {
        const spans = await detectRedactions(extracted.text, {
          redactOfficials: o.redactOfficials,
          model: batch
            ? async (prompt) =>
                (
                  await batch.gateway.call(
                    redactionRequest(prompt, {
                      residency: loadConfig().model.residency.foia,
                      userId: 'cli',
                      requestId: `cli-foia-${Date.now()}`,
                    }),
                  )
                ).json
            : undefined,
        });
        for (const s of spans)
          console.log(
            JSON.stringify({
              start: s.start,
              end: s.end,
              text: s.text,
              category: s.category,
              exemption: s.exemption,
              confidence: s.confidence,
              reason: s.reason,
            }),
          );
      } finally {
        await batch?.close();
      }
    });
}
