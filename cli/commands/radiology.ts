import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { loadConfig } from '../../shared/config';
import { detectCritical } from '../../shared/radiology/critical';
import { deidentify, reidentify } from '../../shared/radiology/deidentify';
import { parseRadiologyRequest } from '../../shared/radiology/intake';
import { buildDraftPrompt, draftRequest } from '../../shared/radiology/prompt';
import { draftReportSchema } from '../../shared/radiology/report';
import { verifySignedReport } from '../../shared/radiology/signing';
import { trustedReportKeys } from '../../shared/radiology/signing-keys';
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
        const result = await gateway.call(
          draftRequest(prompt, {
            residency: loadConfig().model.residency.radiology,
            userId: 'cli',
            requestId: `cli-${Date.now()}`,
          }),
        );
        const draft = reidentify(draftReportSchema.parse(result.json), mapping);
        console.log(
          JSON.stringify(
            {
              draft,
              critical: detectCritical(
                intake.study.findings,
                intake.study.dictation,
                loadConfig().radiology.criticalRules,
              ),
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
    .description(
      'Check a filed radiology report (radiology-signed/<accession>.json) against the trusted key: Key Vault ' +
        '(RADIOLOGY_SIGNING_KEY_ID) on Azure, the key file in ENCLAVE_KEYS_DIR (.enclave/keys) locally',
    )
    .action(async (file: string) => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(readFileSync(file, 'utf8'));
      } catch (error) {
        throw new Error(`${file}: ${(error as Error).message}`);
      }
      const result = await verifySignedReport(parsed, trustedReportKeys(loadConfig().radiology));
      if (!result.ok) {
        console.error(`INVALID: ${file}: ${result.reason}`);
        process.exitCode = 1;
        return;
      }
      const { signer, signedAt, keyId } = result.signature;
      console.log(`OK: signed by ${signer} at ${signedAt} (ES256, trusted key ${keyId})`);
    });
}
