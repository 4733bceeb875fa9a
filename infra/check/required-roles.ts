/** Azure roles the code needs on Azure, each with the code path that needs it. */
export const REQUIRED_ROLES: { id: string; name: string; why: string }[] = [
  { id: '5e0bd9bd-7b93-4f28-af87-19fc36ad61bd', name: 'Cognitive Services OpenAI User', why: 'model gateway calls' },
  { id: 'a97b65f3-24c7-4388-baec-2e87135dc908', name: 'Cognitive Services User', why: 'content safety analysis' },
  {
    id: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe',
    name: 'Storage Blob Data Contributor',
    why: 'Functions runtime, inboxes, audit (on each container)',
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
    id: '69a216fc-b8fb-44d8-bc22-1f3c2cd27a39',
    name: 'Azure Service Bus Data Sender',
    why: 'model-requests, notifications',
  },
  {
    id: '4f6d3b9b-027b-4f4c-9142-0e5a2a2247e0',
    name: 'Azure Service Bus Data Receiver',
    why: 'the model-requests trigger',
  },
  {
    id: '12338af0-0e69-4776-bea7-57ae8d88a7b6',
    name: 'Key Vault Crypto User',
    why: 'radiology report and audit head signing',
  },
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

/** Needed only when the app runs on Durable Task Scheduler (durableBackend durableTaskScheduler). */
export const SCHEDULER_ROLE = {
  id: '0ad04412-c4d5-4796-b79c-f76d14c8d402',
  name: 'Durable Task Data Contributor',
  why: 'the Durable Task Scheduler backend',
};

/** Roles no identity of ours may hold: data-plane owners and control-plane owners/contributors. */
export const BROAD_ROLES: { id: string; name: string }[] = [
  { id: '8e3af657-a8ff-443c-a75c-2fe8c4bcb635', name: 'Owner' },
  { id: 'b24988ac-6180-42a0-ab88-20f7382dd24c', name: 'Contributor' },
  { id: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b', name: 'Storage Blob Data Owner' },
  { id: '090c5cfd-751d-490a-894a-3ce6f1109419', name: 'Azure Service Bus Data Owner' },
  { id: '00482a5a-887f-4fb3-b363-3b7fe8e74483', name: 'Key Vault Administrator' },
  { id: '14b46e9e-c2b7-41b4-b07b-48a6ebf60603', name: 'Key Vault Crypto Officer' },
  { id: 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7', name: 'Key Vault Secrets Officer' },
  { id: '17d1049b-9a84-46fb-8f53-869881c3d3ab', name: 'Storage Account Contributor' },
];

/** Key Vault data roles that must be scoped to one key or secret, never to the whole vault. */
export const KEY_SCOPED_ROLES = new Set([
  '12338af0-0e69-4776-bea7-57ae8d88a7b6',
  '4633458b-17de-408a-b874-0445c86b69e6',
  'e147488a-f6f5-4113-8e2d-b22465e65bf6',
]);

/** Blob data roles that must be scoped to containers, never to the account. */
export const CONTAINER_SCOPED_ROLES = new Set([
  'ba92f5b4-2d11-453d-a403-e96b0029c9fe',
  '2a2b9908-6ea1-4ae2-8e65-a410df84e7d1',
]);
