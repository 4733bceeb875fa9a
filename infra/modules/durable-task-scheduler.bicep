@description('Durable Task Scheduler name.')
param name string

@description('Azure region.')
param location string

@description('Tags applied to every resource.')
param tags object

@description('Task hub name (the app sets it as the Durable hubName).')
param taskHubName string

@allowed([ 'Consumption', 'Dedicated' ])
@description('Consumption (pay per action, bursty load) or Dedicated (capacity units, steady high throughput).')
param skuName string = 'Consumption'

@description('Log Analytics workspace receiving scheduler logs.')
param logAnalyticsId string

resource scheduler 'Microsoft.DurableTask/schedulers@2025-11-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    sku: { name: skuName }
    // An empty list denies every caller; access is then by Entra ID role (Durable Task Data Contributor) only.
    ipAllowlist: [ '0.0.0.0/0' ]
  }
}

resource taskHub 'Microsoft.DurableTask/schedulers/taskHubs@2025-11-01' = {
  parent: scheduler
  name: taskHubName
}

resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'scheduler-to-log-analytics'
  scope: scheduler
  properties: {
    workspaceId: logAnalyticsId
    logs: [ { categoryGroup: 'allLogs', enabled: true } ]
  }
}

output name string = scheduler.name
output endpoint string = scheduler.properties.endpoint
output taskHubName string = taskHub.name
