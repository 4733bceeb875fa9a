/** Azure roles the code needs on Azure, each with the code path that needs it. */
export const REQUIRED_ROLES: { id: string; name: string; why: string }[] = [
  { id: '5e0bd9bd-7b93-4f28-af87-19fc36ad61bd', name: 'Cognitive Services OpenAI User', why: 'model gateway calls' },
  { id: 'a97b65f3-24c7-4388-baec-2e87135dc908', name: 'Cognitive Services User', why: 'content safety analysis' },
  {
    id: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b',
    name: 'Storage Blob Data Owner',
    why: 'Functions runtime, inboxes, audit',
  },
  {
    id: '974c5e8b-45b9-4653-ba55-5f855dd0fb88',
    name: 'Storage Queue Data Contributor',
    why: 'queue triggers, Durable',
  },
  {
    id: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3',
    name: 'Storage Table Data Contributor',
    why: 'Durable, health, tokens',
  },
  {
    id: '090c5cfd-751d-490a-894a-3ce6f1109419',
    name: 'Azure Service Bus Data Owner',
    why: 'model-requests, notifications',
  },
  { id: '12338af0-0e69-4776-bea7-57ae8d88a7b6', name: 'Key Vault Crypto User', why: 'radiology report signing' },
  { id: '4633458b-17de-408a-b874-0445c86b69e6', name: 'Key Vault Secrets User', why: 'review-link secret reference' },
  {
    id: 'e147488a-f6f5-4113-8e2d-b22465e65bf6',
    name: 'Key Vault Crypto Service Encryption User',
    why: 'storage and OpenAI customer-managed keys',
  },
  {
    id: '3913510d-42f4-4e42-8a64-420c390055eb',
    name: 'Monitoring Metrics Publisher',
    why: 'telemetry with local auth off',
  },
];
