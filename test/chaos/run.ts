import { badInput, hostCrash, linkAbuse, throttleStorm } from './scenarios';
import { startChaosStack } from './stack';

/** `npm run chaos`: the real stack under crashes, throttling, bad input and link abuse; one JSON line per scenario. */
async function main(): Promise<void> {
  const stack = await startChaosStack();
  let failed = false;
  try {
    for (const scenario of [
      () => hostCrash(stack),
      () => throttleStorm(stack),
      () => badInput(stack),
      () => linkAbuse(stack),
    ]) {
      const summary = await scenario();
      console.log(JSON.stringify(summary));
      if (
        summary.lost ||
        summary.duplicatedSideEffects ||
        summary.callsOutsideResidency ||
        summary.accepted === 200 ||
        (summary.failures as string[] | undefined)?.length ||
        summary.stateChanges ||
        summary.auditVerified === false
      )
        failed = true;
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
