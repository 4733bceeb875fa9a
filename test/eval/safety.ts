import { loadSafetySet, safetyLines, scoreSafety } from './safety-eval';

/** `npm run eval:safety`: false blocks on benign records and harmful requests blocked, per part and category. */
function main(): void {
  const verbose = process.argv.includes('--verbose');
  for (const part of ['dev', 'heldout'] as const) {
    const score = scoreSafety(loadSafetySet(part));
    for (const line of safetyLines(part, score)) console.log(JSON.stringify(line));
    // Only the dev part is ever shown text by text: the held-out part is for measuring, not tuning.
    if (verbose && part === 'dev') {
      for (const j of [...score.missed, ...score.falseBlocks])
        console.log(
          JSON.stringify({
            id: j.item.id,
            decision: j.verdict.decision,
            severities: j.verdict.severities,
            text: j.item.text,
          }),
        );
    }
  }
}

main();
