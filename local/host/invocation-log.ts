import type { RegisteredFunction } from './runtime/core-api';

/**
 * The Functions host's per-invocation lines (WebJobs `FunctionStartedMessage` / `FunctionCompletedMessage`), worded
 * as `func start` prints them so scripts that read Core Tools output read ours.
 */
export function executingLine(fn: RegisteredFunction, invocationId: string, metadata: Record<string, unknown>): string {
  return `Executing 'Functions.${fn.name}' (Reason='${triggerReason(fn, metadata)}', Id=${invocationId})`;
}

export function executedLine(fn: RegisteredFunction, invocationId: string, succeeded: boolean, ms: number): string {
  return `Executed 'Functions.${fn.name}' (${succeeded ? 'Succeeded' : 'Failed'}, Id=${invocationId}, Duration=${Math.round(ms)}ms)`;
}

/** The reason text each trigger's binding gives the host; Durable and Service Bus triggers give none ('(null)'). */
export function triggerReason(fn: RegisteredFunction, metadata: Record<string, unknown>): string {
  switch (fn.trigger.type.toLowerCase()) {
    case 'httptrigger':
      return 'This function was programmatically called via the host APIs.';
    case 'queuetrigger':
      return `New queue message detected on '${String(fn.trigger.queueName)}'.`;
    case 'blobtrigger':
      return `New blob detected(LogsAndContainerScan): ${typedString(metadata.BlobTrigger) ?? String(fn.trigger.path)}`;
    case 'timertrigger':
      return `Timer fired at ${dotNetRoundTrip(new Date())}`;
    default:
      return '(null)';
  }
}

function typedString(value: unknown): string | undefined {
  const s = (value as { string?: unknown } | undefined)?.string;
  return typeof s === 'string' ? s : undefined;
}

/** .NET's `DateTimeOffset.ToString("o")` in UTC: seven fractional digits and `+00:00`. */
function dotNetRoundTrip(date: Date): string {
  return date.toISOString().replace(/\.(\d{3})Z$/, '.$10000+00:00');
}
