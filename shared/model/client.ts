import { DefaultAzureCredential, getBearerTokenProvider } from '@azure/identity';
import { AzureOpenAI, OpenAI } from 'openai';
import type { ModelEndpoint } from './endpoints';

export const API_VERSION = '2024-10-21';

/**
 * The real `openai` AzureOpenAI client for one endpoint. The gateway is the only retry loop, so the client's own
 * retries are off and each attempt has its own timeout. Locally an API key; on Azure an Entra ID token provider
 * (the two cannot be combined).
 */
export function openAiClient(
  endpoint: ModelEndpoint,
  auth: { apiKey?: string },
  attemptTimeoutMs: number,
  apiShape: 'deployments' | 'v1' = endpoint.apiShape ?? 'deployments',
): OpenAI {
  if (apiShape === 'v1') return v1Client(endpoint, auth, attemptTimeoutMs);
  const common = { endpoint: endpoint.url, apiVersion: API_VERSION, maxRetries: 0, timeout: attemptTimeoutMs };
  if (auth.apiKey) return new AzureOpenAI({ ...common, apiKey: auth.apiKey });
  const azureADTokenProvider = getBearerTokenProvider(
    new DefaultAzureCredential(),
    'https://cognitiveservices.azure.com/.default',
  );
  return new AzureOpenAI({ ...common, azureADTokenProvider });
}

/**
 * Azure OpenAI's v1 API: the plain `OpenAI` client at `<endpoint>/openai/v1/`, the deployment as `model`, no
 * api-version. A key goes in the `api-key` header; Entra ID through the v6 client's `apiKey` token function.
 */
function v1Client(endpoint: ModelEndpoint, auth: { apiKey?: string }, attemptTimeoutMs: number): OpenAI {
  const common = {
    baseURL: `${endpoint.url.replace(/\/+$/, '')}/openai/v1/`,
    maxRetries: 0,
    timeout: attemptTimeoutMs,
  };
  if (auth.apiKey)
    return new OpenAI({
      ...common,
      apiKey: auth.apiKey,
      defaultHeaders: { 'api-key': auth.apiKey, authorization: null },
    });
  return new OpenAI({
    ...common,
    apiKey: getBearerTokenProvider(new DefaultAzureCredential(), 'https://cognitiveservices.azure.com/.default'),
  });
}
