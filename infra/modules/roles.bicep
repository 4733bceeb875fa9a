@description('Principal id of the Function App identity.')
param principalId string

@description('Storage account name.')
param storageAccountName string

@description('Key Vault name.')
param keyVaultName string

@description('Service Bus namespace name.')
param serviceBusName string

@description('Content Safety account name.')
param contentSafetyName string

@description('Azure OpenAI account names (one per region).')
param openAiNames array

@description('Application Insights name (local auth disabled: telemetry is sent with Entra ID).')
param appInsightsName string

var roles = {
  cognitiveServicesOpenAIUser: '5e0bd9bd-7b93-4f28-af87-19fc36ad61bd'
  cognitiveServicesUser: 'a97b65f3-24c7-4388-baec-2e87135dc908'
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  serviceBusDataOwner: '090c5cfd-751d-490a-894a-3ce6f1109419'
  keyVaultCryptoUser: '12338af0-0e69-4776-bea7-57ae8d88a7b6'
  keyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6'
  monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb'
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = { name: storageAccountName }
resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = { name: keyVaultName }
resource bus 'Microsoft.ServiceBus/namespaces@2022-10-01-preview' existing = { name: serviceBusName }
resource safety 'Microsoft.CognitiveServices/accounts@2024-10-01' existing = { name: contentSafetyName }
resource insights 'Microsoft.Insights/components@2020-02-02' existing = { name: appInsightsName }

resource openAi 'Microsoft.CognitiveServices/accounts@2024-10-01' existing = [for n in openAiNames: { name: n }]

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

var storageRoles = [ roles.storageBlobDataOwner, roles.storageQueueDataContributor, roles.storageTableDataContributor ]

resource storageAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for role in storageRoles: {
  name: guid(storage.id, principalId, role)
  scope: storage
  properties: { principalId: principalId, principalType: 'ServicePrincipal', roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role) }
}]

resource busOwner 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(bus.id, principalId, roles.serviceBusDataOwner)
  scope: bus
  properties: { principalId: principalId, principalType: 'ServicePrincipal', roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.serviceBusDataOwner) }
}

var vaultRoles = [ roles.keyVaultCryptoUser, roles.keyVaultSecretsUser ]

resource vaultAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for role in vaultRoles: {
  name: guid(vault.id, principalId, role)
  scope: vault
  properties: { principalId: principalId, principalType: 'ServicePrincipal', roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role) }
}]

resource telemetryPublisher 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(insights.id, principalId, roles.monitoringMetricsPublisher)
  scope: insights
  properties: { principalId: principalId, principalType: 'ServicePrincipal', roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.monitoringMetricsPublisher) }
}
