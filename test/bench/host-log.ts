import { randomUUID } from 'node:crypto';
import { closeSync, openSync, writeSync } from 'node:fs';
import { consoleLog } from '../../local/host/console-log';
import { executedLine, executingLine } from '../../local/host/invocation-log';
import type { RegisteredFunction } from '../../local/host/runtime/core-api';

const fn = { name: 'double', trigger: { type: 'activityTrigger' } } as unknown as RegisteredFunction;
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** µs per invocation for its Executing/Executed pair: buffered as `enclave start` writes, vs one write per line. */
export async function run(args: string[]): Promise<void> {
  const n = Number(args[0] ?? 100_000);
  const sink = openSync('/dev/null', 'w');
  const perInvocation = async (body: (id: string) => void) => {
    const t = performance.now();
    for (let i = 0; i < n; i++) {
      body(randomUUID());
      if (i % 32 === 0) await turn(); // an activity's worth of event-loop turns, as in the host
    }
    await turn();
    return ((performance.now() - t) * 1000) / n;
  };
  try {
    const baseline = await perInvocation(() => undefined);
    const { log } = consoleLog({ write: (chunk) => writeSync(sink, chunk), colour: false });
    const buffered = await perInvocation((id) => {
      log('info', executingLine(fn, id, {}));
      log('info', executedLine(fn, id, true, 1.2));
    });
    const perLine = await perInvocation((id) => {
      writeSync(sink, `[${new Date().toISOString()}] ${executingLine(fn, id, {})}\n`);
      writeSync(sink, `[${new Date().toISOString()}] ${executedLine(fn, id, true, 1.2)}\n`);
    });
    const us = (x: number) => Number(x.toFixed(2));
    console.log(
      JSON.stringify({
        bench: 'host-log',
        invocations: n,
        baselineUsPerInvocation: us(baseline),
        bufferedUsPerInvocation: us(buffered - baseline),
        writePerLineUsPerInvocation: us(perLine - baseline),
      }),
    );
  } finally {
    closeSync(sink);
  }
}
