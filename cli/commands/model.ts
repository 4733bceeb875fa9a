import type { Command } from 'commander';
import type { BreakerStatus } from '../../shared/model/breaker-status';
import { masterKey } from '../host-client';

/** `enclave model status`: each endpoint's circuit as the running app sees it (from `/api/health/models`, with the master key). */
export function register(program: Command): void {
  const model = program.command('model').description('The model gateway');
  model
    .command('status')
    .description('Each endpoint: breaker state, since when, why, p95 latency and availability')
    .option('--host <url>', 'host base URL', process.env.ENCLAVE_HOST_URL ?? 'http://localhost:7071')
    .option('--json', 'print JSON')
    .action(async (options: { host: string; json?: boolean }) => {
      let response: Response;
      try {
        response = await fetch(`${options.host.replace(/\/$/, '')}/api/health/models`, {
          headers: { 'x-functions-key': masterKey() },
        });
      } catch (error) {
        throw new Error(
          `cannot reach the host at ${options.host} (${(error as Error).message}); is \`npm start\` running?`,
        );
      }
      if (response.status === 401)
        throw new Error("the host refused the master key; set ENCLAVE_MASTER_KEY to the host's master key");
      const report = (await response.json()) as { models?: BreakerStatus[]; status?: string; error?: string };
      if (!report.models)
        throw new Error(
          `the app reports no model endpoints (${response.status}${report.error ? `: ${report.error}` : ''})`,
        );
      if (options.json) return console.log(JSON.stringify(report.models, null, 2));
      const width = Math.max(...report.models.map((m) => m.endpoint.length));
      for (const m of report.models) {
        const figures = `p95 ${m.p95LatencyMs} ms, availability ${(m.availability * 100).toFixed(2)}% over ${m.samples} call(s)`;
        const since = m.since ? ` since ${m.since}` : '';
        const why = m.state !== 'closed' && m.reason ? ` — ${m.reason}` : '';
        console.log(
          `${m.endpoint.padEnd(width)}  ${m.region.padEnd(14)} ${m.state.padEnd(9)} ${figures}${since}${why}`,
        );
      }
    });
}
