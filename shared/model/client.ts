import { DefaultAzureCredential, getBearerTokenProvider } from '@azure/identity';
import { AzureOpenAI } from 'openai';
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
): AzureOpenAI {
  const common = { endpoint: endpoint.url, apiVersion: API_VERSION, maxRetries: 0, timeout: attemptTimeoutMs };
  if (auth.apiKey) return new AzureOpenAI({ ...common, apiKey: auth.apiKey });
  const azureADTokenProvider = getBearerTokenProvider(
    new DefaultAzureCredential(),
    'https://cognitiveservices.azure.com/.default',
  );
  return new AzureOpenAI({ ...common, azureADTokenProvider });
}
