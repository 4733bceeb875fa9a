import { azuriteRestart, badInput, hostCrash, linkAbuse, passed, throttleStorm } from './scenarios';
import { startChaosStack } from './stack';

/** `npm run chaos`: the real stack under crashes, restarts, throttling, bad input and link abuse; one JSON line each. */
async function main(): Promise<void> {
  const stack = await startChaosStack();
  let failed = false;
  try {
    for (const scenario of [
      () => hostCrash(stack),
      () => azuriteRestart(stack),
      () => throttleStorm(stack),
      () => badInput(stack),
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
