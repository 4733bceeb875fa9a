targetScope = 'subscription'

@minLength(1)
@maxLength(32)
@description('Environment name (azd): prefixes the resource group and seeds unique resource names.')
param environmentName string

@minLength(1)
@description('Primary Azure region for the Function App, storage, Key Vault and Service Bus.')
param location string

@allowed([ 'single-region', 'data-zone', 'global' ])
@description('Residency mode for Azure OpenAI: which deployment SKUs are used (Standard, DataZoneStandard, GlobalStandard).')
param residencyMode string = 'single-region'

@description('Azure OpenAI regions: objects { region, weight, priority }. The model gateway endpoints are generated from this list.')
param openAiRegions array = [
  { region: 'eastus', weight: 60, priority: 1 }
  { region: 'westeurope', weight: 40, priority: 2 }
]

@description('Model name and version every logical deployment uses (radiology-draft may point at a fine-tuned model).')
param chatModel object = { name: 'gpt-4o', version: '2024-11-20' }

@description('Pay-as-you-go capacity (thousands of tokens per minute) per deployment.')
param paygCapacity int = 50

@description('Add a provisioned-throughput (PTU) deployment in the first region.')
param enablePtu bool = false

@description('PTU units for the provisioned deployment when enablePtu is true.')
param ptuCapacity int = 50

@description('Residency policy per pipeline (single-region:<region>, data-zone:<zone>, global). FOIA runs under data-zone:usgov in Azure Government; each policy must match at least one region of openAiRegions.')
param pipelineResidency object = {
  radiology: 'single-region:westeurope'
  var: 'data-zone:americas'
  foia: 'data-zone:americas'
}

@description('IANA or Windows time zone of the VaR desk: the 5 AM schedule runs in it.')
param varTimeZone string = 'Eastern Standard Time'

@description('Days the audit container keeps records immutable (WORM).')
@minValue(1)
param auditRetentionDays int = 2555

@secure()
@description('Initial secret for signing reviewer links; stored only in Key Vault.')
param reviewLinkSecret string = newGuid()

@description('Id of the user or group running azd, given read access for local debugging (optional).')
param principalId string = ''

var abbrs = loadJsonContent('abbreviations.json')
var token = toLower(uniqueString(subscription().id, environmentName, location))
var tags = { 'azd-env-name': environmentName, workload: 'enclave', dataClassification: 'regulated' }

var regionZones = {
  eastus: 'americas'
  eastus2: 'americas'
  westus: 'americas'
  westus3: 'americas'
  canadaeast: 'americas'
  westeurope: 'europe'
  northeurope: 'europe'
  swedencentral: 'europe'
  francecentral: 'europe'
  uksouth: 'europe'
  japaneast: 'asia-pacific'
  australiaeast: 'asia-pacific'
  usgovvirginia: 'usgov'
  usgovarizona: 'usgov'
}

var paygSku = residencyMode == 'global' ? 'GlobalStandard' : residencyMode == 'data-zone' ? 'DataZoneStandard' : 'Standard'
var ptuSku = residencyMode == 'global' ? 'GlobalProvisionedManaged' : residencyMode == 'data-zone' ? 'DataZoneProvisionedManaged' : 'ProvisionedManaged'
var logicalDeployments = [ 'radiology-draft', 'var-narrative', 'foia-redact', 'chat' ]
var paygDeployments = [for d in logicalDeployments: { name: d, model: chatModel.name, version: chatModel.version, sku: paygSku, capacity: paygCapacity }]
var ptuDeployments = enablePtu ? [ { name: 'chat-ptu', model: chatModel.name, version: chatModel.version, sku: ptuSku, capacity: ptuCapacity } ] : []

var containers = [ 'radiology-inbox', 'radiology-inbox-rejected', 'radiology-studies', 'radiology-signed', 'foia-inbox', 'foia-rejected', 'foia-released', 'datalake', 'reports', 'finetune', 'review-drafts', 'model-replies', 'app-package' ]
var queues = [ 'notifications', 'model-requests', 'model-replies' ]

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: '${abbrs.resourcesResourceGroups}${environmentName}'
  location: location
  tags: tags
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: { name: '${abbrs.managedIdentityUserAssignedIdentities}${token}', location: location, tags: tags }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: '${abbrs.operationalInsightsWorkspaces}${token}'
    appInsightsName: '${abbrs.insightsComponents}${token}'
    location: location
    tags: tags
  }
}

module vault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  scope: rg
  params: {
    name: '${abbrs.keyVaultVaults}${token}'
    location: location
    tags: tags
    logAnalyticsId: monitoring.outputs.logAnalyticsId
    reviewLinkSecret: reviewLinkSecret
  }
}

// The CMK can only be unwrapped once the identity holds its Key Vault role, so roles go in before storage and OpenAI.
module cmkAccess 'modules/cmk-access.bicep' = {
  name: 'cmk-access'
  scope: rg
  params: { principalId: identity.outputs.principalId, keyVaultName: vault.outputs.name }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  scope: rg
  dependsOn: [ cmkAccess ]
  params: {
    name: '${abbrs.storageStorageAccounts}${token}'
    location: location
    tags: tags
    identityId: identity.outputs.id
    keyVaultUri: vault.outputs.uri
    keyName: vault.outputs.storageKeyName
    containers: containers
    auditContainer: 'audit'
    auditRetentionDays: auditRetentionDays
    queues: queues
    logAnalyticsId: monitoring.outputs.logAnalyticsId
  }
}

module openAi 'modules/openai.bicep' = [for (r, i) in openAiRegions: {
  name: 'openai-${r.region}'
  scope: rg
  dependsOn: [ cmkAccess ]
  params: {
    name: '${abbrs.cognitiveServicesOpenAI}${token}-${r.region}'
    location: r.region
    tags: tags
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    keyVaultUri: vault.outputs.uri
    keyName: vault.outputs.openAiKeyName
    deployments: i == 0 ? concat(paygDeployments, ptuDeployments) : paygDeployments
    logAnalyticsId: monitoring.outputs.logAnalyticsId
  }
}]

module contentSafety 'modules/contentsafety.bicep' = {
  name: 'contentsafety'
  scope: rg
  params: {
    name: '${abbrs.cognitiveServicesContentSafety}${token}'
    location: location
    tags: tags
    logAnalyticsId: monitoring.outputs.logAnalyticsId
  }
}

module serviceBus 'modules/servicebus.bicep' = {
  name: 'servicebus'
  scope: rg
  params: {
    name: '${abbrs.serviceBusNamespaces}${token}'
    location: location
    tags: tags
    logAnalyticsId: monitoring.outputs.logAnalyticsId
  }
}

// Config parity: the gateway's endpoint list is generated here from openAiRegions, never copied by hand.
var paygEndpoints = [for (r, i) in openAiRegions: {
  name: r.region
  region: r.region
  dataZone: regionZones[r.region]
  kind: 'payg'
  url: openAi[i].outputs.endpoint
  weight: r.weight
  priority: r.priority
  deployments: { 'radiology-draft': 'radiology-draft', 'var-narrative': 'var-narrative', 'foia-redact': 'foia-redact', chat: 'chat' }
}]
var ptuEndpoints = enablePtu ? [ {
  name: '${openAiRegions[0].region}-ptu'
  region: openAiRegions[0].region
  dataZone: regionZones[openAiRegions[0].region]
  kind: 'ptu'
  url: openAi[0].outputs.endpoint
  weight: 100
  priority: 0
  ptuCapacity: ptuCapacity
  deployments: { 'radiology-draft': 'chat-ptu', 'var-narrative': 'chat-ptu', 'foia-redact': 'chat-ptu', chat: 'chat-ptu' }
} ] : []

var appSettings = {
  FUNCTIONS_EXTENSION_VERSION: '~4'
  ENCLAVE_ENV: 'azure'
  AzureWebJobsStorage__accountName: storage.outputs.name
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identity.outputs.clientId
  AZURE_CLIENT_ID: identity.outputs.clientId
  APPLICATIONINSIGHTS_CONNECTION_STRING: monitoring.outputs.appInsightsConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'Authorization=AAD;ClientId=${identity.outputs.clientId}'
  ServiceBusConnection__fullyQualifiedNamespace: serviceBus.outputs.fullyQualifiedNamespace
  ServiceBusConnection__credential: 'managedidentity'
  ServiceBusConnection__clientId: identity.outputs.clientId
  WEBSITE_TIME_ZONE: varTimeZone
  MODEL_ENDPOINTS: string(concat(ptuEndpoints, paygEndpoints))
  CONTENT_SAFETY_ENDPOINT: contentSafety.outputs.endpoint
  RADIOLOGY_RESIDENCY: pipelineResidency.radiology
  VAR_RESIDENCY: pipelineResidency.var
  FOIA_RESIDENCY: pipelineResidency.foia
  REVIEW_LINK_SECRET: '@Microsoft.KeyVault(SecretUri=${vault.outputs.reviewSecretUri})'
  RADIOLOGY_SIGNING_KEY_ID: vault.outputs.radiologySigningKeyId
  AUDIT_CONTAINER: 'audit'
}

module functionApp 'modules/functionapp.bicep' = {
  name: 'functionapp'
  scope: rg
  params: {
    name: '${abbrs.webSitesFunctions}${token}'
    planName: '${abbrs.webServerFarms}${token}'
    location: location
    tags: tags
    identityId: identity.outputs.id
    storageBlobEndpoint: storage.outputs.blobEndpoint
    deploymentContainer: storage.outputs.deploymentContainer
    appSettings: appSettings
    logAnalyticsId: monitoring.outputs.logAnalyticsId
  }
}

module roles 'modules/roles.bicep' = {
  name: 'roles'
  scope: rg
  dependsOn: [ serviceBus, contentSafety, openAi, monitoring ]
  params: {
    principalId: identity.outputs.principalId
    storageAccountName: storage.outputs.name
    keyVaultName: vault.outputs.name
    serviceBusName: '${abbrs.serviceBusNamespaces}${token}'
    contentSafetyName: '${abbrs.cognitiveServicesContentSafety}${token}'
    openAiNames: [for r in openAiRegions: '${abbrs.cognitiveServicesOpenAI}${token}-${r.region}']
    appInsightsName: '${abbrs.insightsComponents}${token}'
  }
}

module operatorAccess 'modules/operator-access.bicep' = if (!empty(principalId)) {
  name: 'operator-access'
  scope: rg
  params: { principalId: principalId, storageAccountName: storage.outputs.name }
}

output AZURE_LOCATION string = location
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name
output AZURE_FUNCTION_URL string = 'https://${functionApp.outputs.defaultHostName}'
output AZURE_STORAGE_ACCOUNT string = storage.outputs.name
output AZURE_KEY_VAULT_URI string = vault.outputs.uri
output MODEL_ENDPOINTS string = string(concat(ptuEndpoints, paygEndpoints))
