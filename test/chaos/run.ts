import { burst } from './burst';
import type { Summary } from './observe';
import { euDown, euThrottleStorm, primaryErrors, primaryHang } from './outages';
import { azuriteRestart, badInput, hostCrash, linkAbuse, passed, throttleStorm } from './scenarios';
import { startChaosStack } from './stack';

/**
 * `npm run chaos`: the real stack under crashes, restarts, region outages, throttling, bad input, a burst and link
 * abuse; one JSON line each. Scenarios that restart the host come before `eu-down`, which moves the host's clock
 * ahead of the wall clock. `npm run chaos -- --quick` runs the burst with a tenth of the documents; `--only burst,eu-down` runs the named ones.
 */
async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const onlyAt = process.argv.indexOf('--only');
  const only = onlyAt >= 0 ? (process.argv[onlyAt + 1] ?? '').split(',').filter(Boolean) : [];
  const stack = await startChaosStack();
  let failed = false;
  try {
    const scenarios: [string, () => Promise<Summary>][] = [
      ['host-crash', () => hostCrash(stack)],
      ['azurite-restart', () => azuriteRestart(stack)],
      ['throttle-storm', () => throttleStorm(stack)],
      ['primary-hang', () => primaryHang(stack)],
      ['primary-500', () => primaryErrors(stack)],
      ['eu-429-storm', () => euThrottleStorm(stack)],
      ['bad-input', () => badInput(stack)],
      ['eu-down', () => euDown(stack)],
      ['burst', () => (quick ? burst(stack, 100, 50) : burst(stack))],
      ['review-link-abuse', () => linkAbuse(stack)],
    ];
    const unknown = only.filter((name) => !scenarios.some(([n]) => n === name));
    if (unknown.length)
      throw new Error(
        `--only: unknown scenario ${unknown.join(', ')} (known: ${scenarios.map(([n]) => n).join(', ')})`,
      );
    for (const [name, scenario] of scenarios) {
      if (only.length && !only.includes(name)) continue;
      const summary = await scenario();
      console.log(JSON.stringify(summary));
      if (!passed(summary)) failed = true;
    }
  } finally {
    await stack.stop();
  }
  process.exit(failed ? 1 : 0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
