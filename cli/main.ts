import { Command, CommanderError } from 'commander';
import { registerCommands } from './commands';

/** `enclave`: exit codes 0 ok, 1 failed, 2 usage. Each command lives in cli/commands/<name>.ts. */
const program = new Command('enclave')
  .description('Enclave: AI document workflows with human review and a tamper-evident audit trail')
  .version(require('../../package.json').version)
  .showHelpAfterError()
  .exitOverride();

registerCommands(program);

program.parseAsync(process.argv).catch((error: unknown) => {
  if (error instanceof CommanderError) {
    const helpShown = error.code === 'commander.helpDisplayed' || error.code === 'commander.version';
    process.exit(helpShown ? 0 : 2);
  }
  console.error(`enclave: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
