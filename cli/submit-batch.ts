import { SingleBar } from 'cli-progress';

/** What became of one submitted item. */
export interface SubmitOutcome {
  file: string;
  status: 'accepted' | 'duplicate' | 'rejected' | 'failed';
  instanceId?: string;
  error?: string;
  where?: string;
}

export interface BatchSummary {
  submitted: number;
  accepted: number;
  duplicate: number;
  rejected: number;
  failed: number;
  seconds: number;
  perSecond: number;
}

/**
 * Runs `submitOne` over every file with a bounded number in flight and a progress bar on stderr (redrawn on a
 * terminal, a line every 2 s otherwise, so logs of a 1,000-file burst show it too).
 */
export async function submitBatch(
  files: string[],
  submitOne: (file: string) => Promise<SubmitOutcome>,
  options: { concurrency: number; progress: boolean; onOutcome?: (o: SubmitOutcome) => void },
): Promise<{ outcomes: SubmitOutcome[]; summary: BatchSummary }> {
  const started = performance.now();
  const bar = options.progress
    ? new SingleBar({
        format: 'submitting [{bar}] {value}/{total} {percentage}% | {rate}/s | rejected {rejected} failed {failed}',
        stream: process.stderr,
        noTTYOutput: true,
        notTTYSchedule: 2000,
        hideCursor: true,
      })
    : undefined;
  const counts = { rejected: 0, failed: 0 };
  bar?.start(files.length, 0, { rate: '0', ...counts });
  const outcomes: SubmitOutcome[] = new Array(files.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    for (let i = next++; i < files.length; i = next++) {
      const file = files[i]!;
      const outcome = await submitOne(file).catch(
        (error: unknown): SubmitOutcome => ({ file, status: 'failed', error: (error as Error).message }),
      );
      outcomes[i] = outcome;
      if (outcome.status === 'rejected' || outcome.status === 'failed') counts[outcome.status]++;
      options.onOutcome?.(outcome);
      done++;
      const seconds = (performance.now() - started) / 1000;
      bar?.increment(1, { rate: (done / Math.max(seconds, 0.001)).toFixed(1), ...counts });
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency, files.length)) }, worker));
  bar?.stop();
  const seconds = (performance.now() - started) / 1000;
  const count = (status: SubmitOutcome['status']) => outcomes.filter((o) => o.status === status).length;
  return {
    outcomes,
    summary: {
      submitted: files.length,
      accepted: count('accepted'),
      duplicate: count('duplicate'),
      rejected: count('rejected'),
      failed: count('failed'),
      seconds: Number(seconds.toFixed(2)),
      perSecond: Number((files.length / Math.max(seconds, 0.001)).toFixed(1)),
    },
  };
}
