import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { loadConfig } from '../../shared/config';
import { detectCritical } from '../../shared/radiology/critical';
import { deidentify, reidentify } from '../../shared/radiology/deidentify';
import { parseRadiologyRequest } from '../../shared/radiology/intake';
import { buildDraftPrompt } from '../../shared/radiology/prompt';
import { draftReportSchema } from '../../shared/radiology/report';
import { type ReportSignature, verifyReport } from '../../shared/radiology/signing';
import { batchGateway } from '../local-gateway';

export function register(program: Command): void {
  const radiology = program.command('radiology').description('Radiology pipeline tools');
  radiology
    .command('draft <study>')
    .description(
      'Validate, de-identify and draft a study through the model gateway (no workflow); prints {draft, critical, prompt}',
    )
    .option('--json', 'print JSON (the default output)')
    .action(async (file: string) => {
      const intake = parseRadiologyRequest(JSON.parse(readFileSync(file, 'utf8')), file);
      const { study, mapping } = deidentify(intake.study);
      const prompt = buildDraftPrompt(study);
      const { gateway, close } = await batchGateway();
      try {
        const result = await gateway.call({
          pipeline: 'radiology',
          deployment: 'radiology-draft',
          messages: prompt.messages,
          responseFormat: prompt.responseFormat,
          dataClassification: 'phi',
          residency: loadConfig().model.residency.radiology,
          userId: 'cli',
          requestId: `cli-${Date.now()}`,
          safetyContext: { clinical: true },
        });
        const draft = reidentify(draftReportSchema.parse(result.json), mapping);
        console.log(
          JSON.stringify(
            {
              draft,
              critical: detectCritical(intake.study.findings, intake.study.dictation),
              prompt: prompt.messages,
              region: result.region,
            },
            null,
            2,
          ),
        );
      } finally {
        await close();
      }
    });

  program
    .command('verify-signature <file>')
    .description('Check the ES256 signature of a filed radiology report (radiology-signed/<accession>.json)')
    .action((file: string) => {
      const { report, signature } = JSON.parse(readFileSync(file, 'utf8')) as {
        report: unknown;
        signature: ReportSignature;
      };
      if (!report || !signature) throw new Error(`${file} is not a signed report (expected {report, signature})`);
      if (!verifyReport(report, signature)) {
        console.error(`INVALID: the signature of ${file} does not match its content (key ${signature.keyId})`);
        process.exitCode = 1;
        return;
      }
      console.log(`OK: signed by ${signature.signer} at ${signature.signedAt} (ES256, key ${signature.keyId})`);
    });
}
