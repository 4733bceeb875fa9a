import { NonRetryableError, RetryableError } from '../errors';
import type { Category } from './safety/categories';

/** Content safety refused the prompt or the completion; names category and severity, never the text. */
export class ContentBlockedError extends NonRetryableError {
  override readonly name = 'ContentBlockedError';
  constructor(
    readonly stage: 'input' | 'output',
    readonly categories: { category: Category | string; severity: number }[],
  ) {
    super(
      `${stage === 'input' ? 'prompt' : 'completion'} blocked by content safety: ${categories.map((c) => `${c.category} severity ${c.severity}`).join(', ') || 'the filter named no category'}`,
    );
  }
}

/** Every allowed endpoint failed or was throttled within the deadline; worth retrying later. */
export class ModelUnavailableError extends RetryableError {
  override readonly name = 'ModelUnavailableError';
}
