@description('Azure AI Content Safety account name.')
param name string

@description('Azure region.')
param location string

@description('Tags applied to every resource.')
param tags object

@description('Log Analytics workspace receiving audit logs.')
param logAnalyticsId string

@description('Private-network mode: public network access off, reached through a private endpoint.')
param privateNetwork bool = false

resource account 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: name
  location: location
  tags: tags
  kind: 'ContentSafety'
  sku: { name: 'S0' }
  properties: {
    customSubDomainName: name
    disableLocalAuth: true
    publicNetworkAccess: privateNetwork ? 'Disabled' : 'Enabled'
  }
}

resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'contentsafety-to-log-analytics'
  scope: account
  properties: {
    workspaceId: logAnalyticsId
    logs: [ { category: 'Audit', enabled: true } ]
    metrics: [ { category: 'AllMetrics', enabled: true } ]
  }
}

output id string = account.id
output endpoint string = account.properties.endpoint
