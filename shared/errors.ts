/**
 * Errors say whose fault they are and whether trying again can help.
 * - UserError: the caller's input is wrong; never retried; `where` names the field, file or setting.
 * - RetryableError: a transient fault (throttling, timeout, 5xx); Durable retry policies may try again.
 * - NonRetryableError: our side cannot do this (policy, configuration); retrying will not help.
 */
export class UserError extends Error {
  override readonly name = 'UserError';
  readonly retryable = false;
  constructor(
    message: string,
    readonly where?: string,
  ) {
    super(where ? `${where}: ${message}` : message);
  }
}

export class RetryableError extends Error {
  override readonly name: string = 'RetryableError';
  readonly retryable = true;
  constructor(
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

export class NonRetryableError extends Error {
  override readonly name: string = 'NonRetryableError';
  readonly retryable = false;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  readonly retryable = false;
  constructor(
    message: string,
    readonly setting: string,
  ) {
    super(`setting ${setting}: ${message}`);
  }
}

export function isRetryable(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { retryable?: unknown }).retryable === true;
}
