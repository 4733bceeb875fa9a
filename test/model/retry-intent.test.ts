import assert from 'node:assert/strict';
import { test } from 'node:test';
import { z } from 'zod';
import { ConfigError, NonRetryableError } from '../../shared/errors';
import { type ModelCallOutcome, modelCallOutcome } from '../../shared/model/call-failure';
import { ContentBlockedError, ModelUnavailableError } from '../../shared/model/errors';
import type { ModelCallResult } from '../../shared/model/request';
import { ResidencyUnavailableError } from '../../shared/model/residency';
import { ResidencyRequestError } from '../../shared/model/residency-binding';
import { failedCall, failureOfOutcome } from '../../workflows/retry-intent';

/** What the orchestrator receives: the activity's return value after Durable's JSON round trip. */
const acrossDurable = async (error: unknown) =>
  failureOfOutcome(
    JSON.parse(
      JSON.stringify(
        await modelCallOutcome(() => {
          throw error;
        }),
      ),
    ) as ModelCallOutcome,
  );

test('retry intent crosses Durable as a typed, versioned payload, not as text', async () => {
  assert.deepEqual(await acrossDurable(new ContentBlockedError('input', [{ category: 'violence', severity: 7 }])), {
    retryable: false,
    errorName: 'ContentBlockedError',
    message: 'prompt blocked by content safety: violence severity 7',
  });
  assert.deepEqual(await acrossDurable(new ModelUnavailableError('every endpoint failed', 1500)), {
    retryable: true,
    retryAfterMs: 1500,
    errorName: 'ModelUnavailableError',
    message: 'every endpoint failed',
  });
  assert.deepEqual(
    await acrossDurable(new ResidencyUnavailableError('data-zone:europe', 'out of rotation', 3000)),
    {
      retryable: false,
      retryAfterMs: 3000,
      errorName: 'ResidencyUnavailableError',
      message: 'no model endpoint allowed by residency policy "data-zone:europe" is available: out of rotation',
    },
    'a residency wait says when an allowed endpoint is readmitted',
  );
  assert.equal((await acrossDurable(new ResidencyRequestError('residency', 'wider')))?.retryable, false);
  assert.equal((await acrossDurable(z.object({ pipeline: z.string() }).safeParse({}).error))?.retryable, false);
  assert.equal((await acrossDurable(new ConfigError('is empty', 'MODEL_ENDPOINTS')))?.retryable, false);
  assert.equal((await acrossDurable(new Error('socket hang up')))?.retryable, true, 'an error that says nothing');
});

test('a message quoting an old marker sets nothing; a thrown activity is a host fault; another version is refused', async () => {
  const quoting = new NonRetryableError('endpoint eastus refused the request (400): see [retryable Error]');
  assert.equal((await acrossDurable(quoting))?.retryable, false);
  assert.deepEqual(failureOfOutcome({ thrown: new Error('the host lost the worker') }), {
    retryable: true,
    errorName: 'Error',
    message: 'the host lost the worker',
  });
  const ok = await modelCallOutcome(async () => ({ content: 'fine' }) as ModelCallResult);
  assert.equal(failureOfOutcome(ok), undefined);
  const future = { ...ok, v: 2 } as unknown as ModelCallOutcome;
  assert.deepEqual(
    [failureOfOutcome(future)?.retryable, failureOfOutcome(future)?.errorName],
    [false, 'ModelCallOutcomeVersionError'],
  );
  const error = failedCall({ retryable: false, errorName: 'ContentBlockedError', message: 'prompt blocked' });
  assert.deepEqual([error.name, error.message], ['ContentBlockedError', 'ContentBlockedError: prompt blocked']);
});

test('a history recorded before the outcome payload replays: the old text intent of a thrown activity is read', () => {
  // As Durable hands a failed activity back: the local host's Reason, and the SDK's `<ErrorType>: <message>` form.
  const local = new Error("Activity function 'callModel' failed: [non-retryable ContentBlockedError] prompt blocked");
  assert.deepEqual(failureOfOutcome({ thrown: local }), {
    retryable: false,
    errorName: 'ContentBlockedError',
    message: local.message,
  });
  const azure = new Error('Error: [retryable after 2000 ms ModelUnavailableError] every endpoint failed');
  assert.deepEqual(
    [failureOfOutcome({ thrown: azure })?.retryable, failureOfOutcome({ thrown: azure })?.retryAfterMs],
    [true, 2000],
  );
  assert.equal(failureOfOutcome({ thrown: azure })?.errorName, 'ModelUnavailableError');
});

test('an outcome of the right version but the wrong shape is refused, naming the field', () => {
  const broken = { v: 1, ok: false, failure: { retryable: 'yes', errorName: 'X', message: 'm' } };
  const failure = failureOfOutcome(broken as unknown as ModelCallOutcome);
  assert.equal(failure?.retryable, false);
  assert.equal(failure?.errorName, 'ModelCallOutcomeShapeError');
  assert.match(failure?.message ?? '', /failure\.retryable/);
});
