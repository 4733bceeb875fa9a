import { APIConnectionTimeoutError, APIError, APIUserAbortError, type OpenAI } from 'openai';
import type { ModelCallAttempt } from '../audit/records';
import type { ModelEndpoint } from './endpoints';
import { regionFromDisplayName } from './regions';
import type { ParsedModelCallRequest } from './request';
import {
  type Annotations,
  type AzureFilterResults,
  fromAnnotations,
  fromPromptAnnotations,
} from './safety/azure-annotations';
import { type Spillover, spilloverOf } from './spillover';

export interface Usage {
  prompt: number;
  completion: number;
}

/** What one call to one endpoint came to, in the gateway's terms. */
export type AttemptResult =
  | {
      kind: 'ok';
      content: string;
      finishReason: string;
      /** The region `x-ms-region` named (`unknown:<name>` for one we do not know); undefined when it was missing. */
      region?: string;
      usage: Usage;
      /** Azure's annotations of the completion and of the prompt, when it sent them. */
      filter?: Annotations;
      promptFilter?: Annotations;
      spillover?: Spillover;
    }
  | { kind: 'throttled'; retryAfterMs: number }
  | { kind: 'retry'; outcome: ModelCallAttempt['outcome']; status?: number; message: string }
  | { kind: 'blocked-input'; annotations: Annotations }
  | { kind: 'blocked-output'; annotations: Annotations; usage: Usage }
  | { kind: 'fatal'; status?: number; message: string }
  /** The gateway cancelled it (a hedge answered first): the request was cut off, its tokens stopped. */
  | { kind: 'aborted' };

interface AzureChoice {
  finish_reason?: string;
  message?: { content?: string | null };
  content_filter_results?: AzureFilterResults;
}

/**
 * One chat completion against one endpoint through the real `openai` client, classified the way Azure OpenAI
 * answers: 429 throttles, 5xx and timeouts are worth another endpoint, 400 `content_filter` and a 200 with
 * `finish_reason: "content_filter"` are blocks, any other 4xx is final.
 */
export async function attemptCompletion(
  client: OpenAI,
  endpoint: ModelEndpoint,
  request: ParsedModelCallRequest,
  signal?: AbortSignal,
): Promise<AttemptResult> {
  try {
    const { data, response } = await client.chat.completions
      .create(
        {
          model: endpoint.deployments[request.deployment]!,
          messages: request.messages,
          response_format: request.responseFormat as never,
          max_tokens: request.maxTokens,
          temperature: request.temperature,
        },
        { signal },
      )
      .withResponse();
    const choice = data.choices[0] as AzureChoice | undefined;
    const usage = { prompt: data.usage?.prompt_tokens ?? 0, completion: data.usage?.completion_tokens ?? 0 };
    const filter = choice?.content_filter_results ? fromAnnotations(choice.content_filter_results) : undefined;
    if (choice?.finish_reason === 'content_filter')
      return {
        kind: 'blocked-output',
        annotations: filter ?? fromAnnotations({}),
        usage,
      };
    const servedBy = response.headers.get('x-ms-region');
    return {
      kind: 'ok',
      content: choice?.message?.content ?? '',
      finishReason: choice?.finish_reason ?? 'stop',
      region: servedBy ? (regionFromDisplayName(servedBy) ?? `unknown:${servedBy}`) : undefined,
      usage,
      filter,
      promptFilter: fromPromptAnnotations(
        (data as { prompt_filter_results?: { content_filter_results?: AzureFilterResults }[] }).prompt_filter_results,
      ),
      spillover: spilloverOf(response.headers),
    };
  } catch (error) {
    if (error instanceof APIUserAbortError || signal?.aborted) return { kind: 'aborted' };
    if (error instanceof APIConnectionTimeoutError)
      return { kind: 'retry', outcome: 'timeout', message: 'attempt timed out' };
    if (error instanceof APIError && error.status !== undefined) {
      const status = error.status;
      if (status === 429) return { kind: 'throttled', retryAfterMs: retryAfterMs(error.headers) };
      if (status >= 500) return { kind: 'retry', outcome: 'server-error', status, message: error.message };
      const body = error.error as
        | { code?: string; innererror?: { content_filter_result?: AzureFilterResults } }
        | undefined;
      if (status === 400 && body?.code === 'content_filter')
        return { kind: 'blocked-input', annotations: fromAnnotations(body.innererror?.content_filter_result ?? {}) };
      return { kind: 'fatal', status, message: error.message };
    }
    return { kind: 'retry', outcome: 'network-error', message: (error as Error).message };
  }
}

function retryAfterMs(headers: Headers | undefined): number {
  const ms = Number(headers?.get('retry-after-ms'));
  if (Number.isFinite(ms) && ms > 0) return ms;
  const seconds = Number(headers?.get('retry-after'));
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 1000;
}
