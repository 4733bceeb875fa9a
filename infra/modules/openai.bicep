@description('Azure OpenAI account name.')
param name string

@description('Azure region of this account.')
param location string

@description('Tags applied to every resource.')
param tags object

@description('Resource id of the user-assigned identity that unwraps the customer-managed key.')
param identityId string

@description('Client id of that identity.')
param identityClientId string

@description('Key Vault URI holding the customer-managed key.')
param keyVaultUri string

@description('Name of the customer-managed key.')
param keyName string

@description('Deployments: objects { name, model, version, sku, capacity }. sku is Standard, DataZoneStandard, GlobalStandard, ProvisionedManaged, DataZoneProvisionedManaged or GlobalProvisionedManaged.')
param deployments array

@description('Log Analytics workspace receiving audit and request logs.')
param logAnalyticsId string

@description('Private-network mode: public network access off, reached through a private endpoint.')
param privateNetwork bool = false

resource account 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: name
  location: location
  tags: tags
  kind: 'OpenAI'
  sku: { name: 'S0' }
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identityId}': {} }
  }
  properties: {
    customSubDomainName: name
    disableLocalAuth: true
    publicNetworkAccess: privateNetwork ? 'Disabled' : 'Enabled'
    encryption: {
      keySource: 'Microsoft.KeyVault'
      keyVaultProperties: { keyVaultUri: keyVaultUri, keyName: keyName, identityClientId: identityClientId }
    }
  }
}

@batchSize(1)
resource modelDeployments 'Microsoft.CognitiveServices/accounts/deployments@2024-10-01' = [for d in deployments: {
  parent: account
  name: d.name
  sku: { name: d.sku, capacity: d.capacity }
  properties: {
    model: { format: 'OpenAI', name: d.model, version: d.version }
    raiPolicyName: 'Microsoft.DefaultV2'
  }
}]

resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'openai-to-log-analytics'
  scope: account
  properties: {
    workspaceId: logAnalyticsId
    logs: [ { category: 'Audit', enabled: true }, { category: 'RequestResponse', enabled: true } ]
    metrics: [ { category: 'AllMetrics', enabled: true } ]
  }
}

output id string = account.id
output endpoint string = account.properties.endpoint
output name string = account.name
