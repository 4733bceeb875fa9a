import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

/**
 * `npm run bench -- <name> [...]`: runs test/bench/<name>.ts (each exports `run(args)`), which prints JSON lines:
 * one object per measurement, with the baseline measured in the same run beside it. No name runs them all.
 */
async function main(): Promise<void> {
  const [name, ...args] = process.argv.slice(2);
  const available = readdirSync(__dirname)
    .filter((f) => f.endsWith('.js') && f !== 'run.js')
    .map((f) => f.slice(0, -3));
  const chosen = name ? [name] : available;
  for (const bench of chosen) {
    const file = path.join(__dirname, `${bench}.js`);
    if (!existsSync(file)) {
      console.error(`bench: no benchmark named "${bench}"; available: ${available.join(', ') || 'none'}`);
      process.exit(2);
    }
    const module = require(file) as { run(args: string[]): Promise<void> };
    await module.run(args);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
