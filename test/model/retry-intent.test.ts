import assert from 'node:assert/strict';
import { test } from 'node:test';
import { z } from 'zod';
import { NonRetryableError } from '../../shared/errors';
import { ContentBlockedError, ModelUnavailableError } from '../../shared/model/errors';
import { ResidencyUnavailableError } from '../../shared/model/residency';
import { retryIntentOf, withRetryIntent } from '../../workflows/retry-intent';

/** What an orchestrator receives: the host's wording around the activity's message, as the local host writes it. */
const asOrchestratorSeesIt = (error: Error) =>
  new Error(`Activity function 'callModel' failed: ${error.message} \n ${JSON.stringify({ message: error.message })}`);

test('retry intent survives the trip from activity to orchestrator as text', () => {
  const cross = (e: unknown) => retryIntentOf(asOrchestratorSeesIt(withRetryIntent(e)));
  assert.deepEqual(cross(new ContentBlockedError('input', [{ category: 'violence', severity: 7 }])), {
    retryable: false,
    retryAfterMs: undefined,
    errorName: 'ContentBlockedError',
  });
  assert.deepEqual(cross(new ModelUnavailableError('every endpoint failed', 1500)), {
    retryable: true,
    retryAfterMs: 1500,
    errorName: 'ModelUnavailableError',
  });
  assert.equal(
    cross(new ResidencyUnavailableError('single-region:westeurope', 'down')).errorName,
    'ResidencyUnavailableError',
  );
  assert.deepEqual(
    cross(new ResidencyUnavailableError('data-zone:europe', 'out of rotation', 3000)),
    { retryable: false, retryAfterMs: 3000, errorName: 'ResidencyUnavailableError' },
    'a residency wait says when an allowed endpoint is readmitted',
  );
  assert.equal(cross(z.object({ pipeline: z.string() }).safeParse({}).error).retryable, false, 'bad input');
  assert.equal(cross(new Error('socket hang up')).retryable, true, 'an error that says nothing is transient');
  assert.equal(retryIntentOf(new Error('the host lost the worker')).retryable, true);
});

test('the marked error keeps the class name and the reason, and is marked once', () => {
  const marked = withRetryIntent(new ContentBlockedError('output', [{ category: 'hate', severity: 6 }]));
  assert.equal(marked.name, 'ContentBlockedError');
  assert.equal(
    marked.message,
    '[non-retryable ContentBlockedError] completion blocked by content safety: hate severity 6',
  );
  assert.equal(withRetryIntent(marked).message, marked.message);
  const quoting = new NonRetryableError('endpoint eastus refused the request (400): see [retryable Error]');
  assert.equal(retryIntentOf(withRetryIntent(quoting)).retryable, false, 'a quoted marker does not set the intent');
});
