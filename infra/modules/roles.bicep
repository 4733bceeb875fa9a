@description('Principal id of the Function App identity.')
param principalId string

@description('Storage account name.')
param storageAccountName string

@description('Blob containers the app reads and writes (its own, the audit container, the deployment package and the Functions/Durable runtime containers): Storage Blob Data Contributor on each, nothing account-wide.')
param blobContainers array

@description('Key Vault name.')
param keyVaultName string

@description('Key Vault keys the app signs with (Key Vault Crypto User on each key, not on the vault).')
param signingKeys array

@description('Key Vault secrets the app reads through Key Vault references (Key Vault Secrets User on each secret).')
param vaultReferences array

@description('Service Bus namespace name.')
param serviceBusName string

@description('Content Safety account name.')
param contentSafetyName string

@description('Azure OpenAI account names (one per region).')
param openAiNames array

@description('Application Insights name (local auth disabled: telemetry is sent with Entra ID).')
param appInsightsName string

@description('Durable Task Scheduler task hub name when the app uses that backend, empty for the Azure Storage provider.')
param durableTaskHubName string = ''

@description('Durable Task Scheduler name (with durableTaskHubName).')
param durableSchedulerName string = ''

var roles = {
  cognitiveServicesOpenAIUser: '5e0bd9bd-7b93-4f28-af87-19fc36ad61bd'
  cognitiveServicesUser: 'a97b65f3-24c7-4388-baec-2e87135dc908'
  storageBlobDataContributor: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  serviceBusDataSender: '69a216fc-b8fb-44d8-bc22-1f3c2cd27a39'
  serviceBusDataReceiver: '4f6d3b9b-027b-4f4c-9142-0e5a2a2247e0'
  keyVaultCryptoUser: '12338af0-0e69-4776-bea7-57ae8d88a7b6'
  keyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6'
  monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb'
  durableTaskDataContributor: '0ad04412-c4d5-4796-b79c-f76d14c8d402'
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = { name: storageAccountName }
resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = { name: keyVaultName }
resource bus 'Microsoft.ServiceBus/namespaces@2022-10-01-preview' existing = { name: serviceBusName }
resource safety 'Microsoft.CognitiveServices/accounts@2024-10-01' existing = { name: contentSafetyName }
resource insights 'Microsoft.Insights/components@2020-02-02' existing = { name: appInsightsName }

resource openAi 'Microsoft.CognitiveServices/accounts@2024-10-01' existing = [for n in openAiNames: { name: n }]
resource containers 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' existing = [for c in blobContainers: { name: '${storageAccountName}/default/${c}' }]
resource keys 'Microsoft.KeyVault/vaults/keys@2023-07-01' existing = [for k in signingKeys: { parent: vault, name: k }]
resource vaultSecrets 'Microsoft.KeyVault/vaults/secrets@2023-07-01' existing = [for s in vaultReferences: { parent: vault, name: s }]
resource modelRequests 'Microsoft.ServiceBus/namespaces/queues@2022-10-01-preview' existing = { parent: bus, name: 'model-requests' }
resource notifications 'Microsoft.ServiceBus/namespaces/topics@2022-10-01-preview' existing = { parent: bus, name: 'notifications' }

resource openAiUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for (n, i) in openAiNames: {
  name: guid(openAi[i].id, principalId, roles.cognitiveServicesOpenAIUser)
  scope: openAi[i]
  properties: { principalId: principalId, principalType: 'ServicePrincipal', roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.cognitiveServicesOpenAIUser) }
}]

resource safetyUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(safety.id, principalId, roles.cognitiveServicesUser)
  scope: safety
  properties: { principalId: principalId, principalType: 'ServicePrincipal', roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.cognitiveServicesUser) }
}

resource blobAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for (c, i) in blobContainers: {
  name: guid(storage.id, c, principalId, roles.storageBlobDataContributor)
  scope: containers[i]
  properties: { principalId: principalId, principalType: 'ServicePrincipal', roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageBlobDataContributor) }
}]

// Durable and the Functions host create their queues and tables at run time, so these two stay account-wide.
var storageRoles = [ roles.storageQueueDataContributor, roles.storageTableDataContributor ]

resource storageAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for role in storageRoles: {
  name: guid(storage.id, principalId, role)
  scope: storage
  properties: { principalId: principalId, principalType: 'ServicePrincipal', roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role) }
}]

resource requestsSender 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(modelRequests.id, principalId, roles.serviceBusDataSender)
  scope: modelRequests
  properties: { principalId: principalId, principalType: 'ServicePrincipal', roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.serviceBusDataSender) }
}

resource requestsReceiver 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(modelRequests.id, principalId, roles.serviceBusDataReceiver)
  scope: modelRequests
  properties: { principalId: principalId, principalType: 'ServicePrincipal', roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.serviceBusDataReceiver) }
}

resource notificationsSender 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(notifications.id, principalId, roles.serviceBusDataSender)
  scope: notifications
  properties: { principalId: principalId, principalType: 'ServicePrincipal', roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.serviceBusDataSender) }
}

resource keyAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for (k, i) in signingKeys: {
  name: guid(vault.id, k, principalId, roles.keyVaultCryptoUser)
  scope: keys[i]
  properties: { principalId: principalId, principalType: 'ServicePrincipal', roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.keyVaultCryptoUser) }
}]

resource secretAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for (s, i) in vaultReferences: {
  name: guid(vault.id, s, principalId, roles.keyVaultSecretsUser)
  scope: vaultSecrets[i]
  properties: { principalId: principalId, principalType: 'ServicePrincipal', roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.keyVaultSecretsUser) }
}]

resource telemetryPublisher 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(insights.id, principalId, roles.monitoringMetricsPublisher)
  scope: insights
  properties: { principalId: principalId, principalType: 'ServicePrincipal', roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.monitoringMetricsPublisher) }
}

resource scheduler 'Microsoft.DurableTask/schedulers@2025-11-01' existing = if (!empty(durableSchedulerName)) { name: durableSchedulerName }
resource taskHub 'Microsoft.DurableTask/schedulers/taskHubs@2025-11-01' existing = if (!empty(durableTaskHubName)) { parent: scheduler, name: durableTaskHubName }

resource durableAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(durableTaskHubName)) {
  name: guid(taskHub.id, principalId, roles.durableTaskDataContributor)
  scope: taskHub
  properties: { principalId: principalId, principalType: 'ServicePrincipal', roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.durableTaskDataContributor) }
}
