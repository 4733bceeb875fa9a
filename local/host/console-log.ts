import type { HostLog } from './function-app';

export interface ConsoleLog {
  log: HostLog;
  /** Writes what is buffered now (before a line printed another way, and at exit). */
  flush(): void;
}

/**
 * The host's lines as `func start` prints them: `[<UTC ISO time>] message`, errors red and warnings yellow on a
 * terminal, `debug` (host detail) only with --verbose. Lines are joined and written once per turn of the event loop:
 * a write to a pipe or file is a blocking syscall, and a fan-out logs two lines per activity.
 */
export function consoleLog(options: { verbose?: boolean; write?: (chunk: string) => void; colour?: boolean } = {}) {
  const write = options.write ?? ((chunk: string) => process.stdout.write(chunk));
  const colour = options.colour ?? process.stdout.isTTY === true;
  let pending: string[] = [];
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    if (pending.length === 0) return;
    const chunk = `${pending.join('\n')}\n`;
    pending = [];
    write(chunk);
  };
  const log: HostLog = (level, message) => {
    if (level === 'debug' && !options.verbose) return;
    const line = `[${new Date().toISOString()}] ${message}`;
    pending.push(!colour || level === 'info' || level === 'debug' ? line : paint(level, line));
    if (!scheduled) {
      scheduled = true;
      setImmediate(flush);
    }
  };
  return { log, flush } satisfies ConsoleLog;
}

function paint(level: 'warn' | 'error', line: string): string {
  return `${level === 'error' ? '\x1b[31m' : '\x1b[33m'}${line}\x1b[0m`;
}
