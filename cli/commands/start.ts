import path from 'node:path';
import type { Command } from 'commander';
import { startStack } from '../../local/stack';

export function register(program: Command): void {
  program
    .command('start')
    .description('Start Azurite, the local model server and the local Functions/Durable host (what `npm start` runs)')
    .option('--port <port>', 'HTTP port of the host', '7071')
    .option('--azurite-ports <blob,queue,table>', 'Azurite ports', '10000,10001,10002')
    .option('--data <dir>', 'where Azurite keeps its data', '.enclave')
    .option('--test-clock', 'durable timers and timer triggers follow a clock moved by POST /admin/clock (tests only)')
    .action(async (options: { port: string; azuritePorts: string; data: string; testClock?: boolean }) => {
      const started = Date.now();
      const appDir = path.resolve(__dirname, '..', '..', '..');
      const [blob, queue, table] = options.azuritePorts.split(',').map(Number);
      const stack = await startStack({
        appDir,
        port: Number(options.port),
        azuritePorts: { blob: blob ?? 10000, queue: queue ?? 10001, table: table ?? 10002 },
        dataDir: path.resolve(appDir, options.data),
        testClock: options.testClock,
      });
      console.log('\nFunctions:\n');
      const width = Math.max(...stack.host.functions.map((f) => f.name.length));
      for (const fn of stack.host.functions) {
        console.log(`  ${fn.name.padEnd(width)}  ${fn.trigger.padEnd(13)} ${fn.detail}`);
      }
      console.log(
        `\nKeys: submit and status with header x-functions-key: ${stack.host.keys.function} (ENCLAVE_FUNCTION_KEY); operator routes with ${stack.host.keys.master} (ENCLAVE_MASTER_KEY)`,
      );
      console.log(
        `\nReady in ${((Date.now() - started) / 1000).toFixed(1)} s — ${stack.host.url}/api/health (Ctrl-C stops everything)`,
      );
      let stopping = false;
      const stop = async (signal: string) => {
        if (stopping) return;
        stopping = true;
        console.log(`\n${signal}: stopping (in-flight work gets 10 s)...`);
        await stack.stop();
        process.exit(0);
      };
      process.on('SIGINT', () => void stop('SIGINT'));
      process.on('SIGTERM', () => void stop('SIGTERM'));
    });
}
