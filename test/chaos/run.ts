import { burst } from './burst';
import { euDown, euThrottleStorm, primaryErrors, primaryHang } from './outages';
import { azuriteRestart, badInput, hostCrash, linkAbuse, passed, throttleStorm } from './scenarios';
import { startChaosStack } from './stack';

/**
 * `npm run chaos`: the real stack under crashes, restarts, region outages, throttling, bad input, a burst and link
 * abuse; one JSON line each. Scenarios that restart the host come before `eu-down`, which moves the host's clock
 * ahead of the wall clock. `npm run chaos -- --quick` runs the burst with a tenth of the documents.
 */
async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const stack = await startChaosStack();
  let failed = false;
  try {
    for (const scenario of [
      () => hostCrash(stack),
      () => azuriteRestart(stack),
      () => throttleStorm(stack),
      () => primaryHang(stack),
      () => primaryErrors(stack),
      () => euThrottleStorm(stack),
      () => badInput(stack),
      () => euDown(stack),
      () => (quick ? burst(stack, 100, 50) : burst(stack)),
      () => linkAbuse(stack),
    ]) {
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
