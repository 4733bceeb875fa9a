import { readFileSync } from 'node:fs';
import inspector from 'node:inspector';
import path from 'node:path';
import type { Command } from 'commander';
import { startStack } from '../../local/stack';
import { functionsList } from '../functions-list';

export function register(program: Command): void {
  program
    .command('start')
    .description('Start Azurite, the local model server and the local Functions/Durable host (what `npm start` runs)')
    .option('--port <port>', 'HTTP port of the host', '7071')
    .option('--azurite-ports <blob,queue,table>', 'Azurite ports', '10000,10001,10002')
    .option('--data <dir>', 'where Azurite keeps its data', '.enclave')
    .option(
      '--inspect [port]',
      'open the Node inspector on 127.0.0.1 (default 9229) before the app loads, for a debugger to attach',
    )
    .option('--test-clock', 'durable timers and timer triggers follow a clock moved by POST /admin/clock (tests only)')
    .action(
      async (options: {
        port: string;
        azuritePorts: string;
        data: string;
        testClock?: boolean;
        inspect?: string | boolean;
      }) => {
        const started = Date.now();
        const appDir = path.resolve(__dirname, '..', '..', '..');
        console.log(versionLine(appDir));
        if (options.inspect) {
          const port = options.inspect === true ? 9229 : Number(options.inspect);
          if (!Number.isInteger(port)) throw new Error(`--inspect: "${options.inspect}" is not a port number`);
          inspector.open(port, '127.0.0.1');
          console.log(`Debugger listening on ${inspector.url()} (attach with .vscode/launch.json)`);
        }
        const [blob, queue, table] = options.azuritePorts.split(',').map(Number);
        const stack = await startStack({
          appDir,
          port: Number(options.port),
          azuritePorts: { blob: blob ?? 10000, queue: queue ?? 10001, table: table ?? 10002 },
          dataDir: path.resolve(appDir, options.data),
          testClock: options.testClock,
        });
        const registered = stack.host.app.functions.map((f) => ({ name: f.name, triggerType: f.trigger.type }));
        for (const line of functionsList(registered, stack.host.functions)) console.log(line);
        console.log(
          `Keys: submit and status with header x-functions-key: ${stack.host.keys.function} (ENCLAVE_FUNCTION_KEY); operator routes with ${stack.host.keys.master} (ENCLAVE_MASTER_KEY)\n`,
        );
        console.log(
          `Ready in ${((Date.now() - started) / 1000).toFixed(1)} s — ${stack.host.url}/api/health (Ctrl-C stops everything)`,
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
      },
    );
}

/** Core Tools opens with its version; this names ours and the pinned libraries the host speaks to. */
function versionLine(appDir: string): string {
  const version = (pkg: string) =>
    (JSON.parse(readFileSync(path.join(appDir, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string })
      .version;
  const own = (JSON.parse(readFileSync(path.join(appDir, 'package.json'), 'utf8')) as { version: string }).version;
  return `Enclave local host ${own} (@azure/functions ${version('@azure/functions')}, durable-functions ${version('durable-functions')}, Node ${process.version})\n`;
}
