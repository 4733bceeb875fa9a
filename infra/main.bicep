targetScope = 'subscription'

@minLength(1)
@maxLength(32)
@description('Environment name (azd): prefixes the resource group and seeds unique resource names.')
param environmentName string

@minLength(1)
@description('Primary Azure region for the Function App, storage, Key Vault and Service Bus.')
param location string

@allowed([ 'single-region', 'data-zone', 'global' ])
@description('Residency mode for Azure OpenAI: the deployment SKUs (Standard, DataZoneStandard, GlobalStandard), which regions may be deployed (data-zone: only regions inside an Azure data zone) and the default pipeline policies.')
param residencyMode string = 'single-region'

@description('Azure OpenAI regions: objects { region, weight, priority }. The model gateway endpoints are generated from this list. In Azure Government the default is two US Government regions.')
param openAiRegions array = environment().name == 'AzureUSGovernment' ? [
  { region: 'usgovvirginia', weight: 60, priority: 1 }
  { region: 'usgovarizona', weight: 40, priority: 2 }
] : [
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

@description('Residency policy per pipeline, overriding the defaults: { radiology?, var?, foia? }, each single-region:<region>, data-zone:<americas|europe|asia-pacific|usgov> or global, and each matched by a deployed region. Defaults follow residencyMode and the cloud: FOIA is data-zone:usgov in Azure Government and data-zone:americas in the commercial cloud, which has no US Government region.')
param pipelineResidency object = {}

@description('IANA time zone of the VaR desk (e.g. America/New_York), given to the app as VAR_TIME_ZONE. Flex Consumption does not honour WEBSITE_TIME_ZONE: its timers fire in UTC.')
param varTimeZone string = 'America/New_York'

@description('Days the audit container keeps records immutable (WORM).')
@minValue(1)
param auditRetentionDays int = 2555

@description('True once the audit container immutability policy has been locked (DEPLOY.md): a locked policy only accepts being extended, so the template stops sending it.')
param auditWormLocked bool = false

@description('Lock the audit WORM policy during this deployment (irreversible; main.parameters.prod.json sets it). Once locked, set auditWormLocked.')
param auditWormLock bool = false

@secure()
@minLength(32)
@description('Secret that signs reviewer links (ENCLAVE_REVIEW_LINK_SECRET in the azd environment), stored in Key Vault exactly as given. Required and never generated here, so a deployment cannot replace it; rotate as DEPLOY.md describes.')
param reviewLinkSecret string

@description('Entra ID app registration (client id) for App Service Authentication (ENCLAVE_AUTH_CLIENT_ID): reviewers sign in with it, callers present its tokens.')
param authClientId string

@allowed([ 'azureStorage', 'durableTaskScheduler' ])
@description('Durable Functions backend: the Azure Storage provider (queues, tables, blobs in the app storage account) or Durable Task Scheduler (storageProvider.type azureManaged; higher throughput, its own dashboard, billed separately). See DEPLOY.md.')
param durableBackend string = 'azureStorage'

@description('Private-network mode: private endpoints for Storage, Azure OpenAI, Content Safety, Key Vault and Service Bus (Premium), VNet integration for the app, public network access off on all of them.')
param privateNetwork bool = false

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

var isUsGovernment = environment().name == 'AzureUSGovernment'
var defaultResidency = isUsGovernment ? {
  radiology: residencyMode == 'single-region' ? 'single-region:usgovvirginia' : 'data-zone:usgov'
  var: 'data-zone:usgov'
  foia: 'data-zone:usgov'
} : residencyMode == 'global' ? {
  radiology: 'global'
  var: 'global'
  foia: 'global'
} : {
  radiology: residencyMode == 'single-region' ? 'single-region:westeurope' : 'data-zone:europe'
  var: 'data-zone:americas'
  foia: 'data-zone:americas'
}
var residency = union(defaultResidency, pipelineResidency)

// Azure offers Data Zone deployments only in the US and EU zones (and US Government in Azure Government).
var azureDataZones = {
  eastus: 'us'
  eastus2: 'us'
  westus: 'us'
  westus3: 'us'
  westeurope: 'eu'
  northeurope: 'eu'
  swedencentral: 'eu'
  francecentral: 'eu'
  usgovvirginia: 'usgov'
  usgovarizona: 'usgov'
}
var regionsOutsideDataZones = residencyMode == 'data-zone' ? filter(openAiRegions, r => !contains(azureDataZones, r.region)) : []
// A DataZone SKU may process anywhere in its zone and a Global SKU anywhere, so narrower pipeline policies cannot hold.
var policiesNarrowerThanSku = filter(items(residency), p => residencyMode == 'global' ? !startsWith(p.value, 'global') : residencyMode == 'data-zone' && startsWith(p.value, 'single-region'))
var residencyModeErrors = filter([
  isUsGovernment && residencyMode == 'global' ? 'residencyMode global: the gateway never serves a global policy from a US Government region; use single-region or data-zone.' : ''
  empty(regionsOutsideDataZones) ? '' : 'residencyMode data-zone: ${join(map(regionsOutsideDataZones, r => r.region), ', ')} lies in no Azure data zone; list only US or EU data-zone regions in openAiRegions, or use single-region.'
  empty(policiesNarrowerThanSku) ? '' : 'residencyMode ${residencyMode} cannot hold ${join(map(policiesNarrowerThanSku, p => '${p.key}=${p.value}'), ', ')}; set pipelineResidency to policies as wide as the mode, or use single-region.'
], e => !empty(e))
var openAiDeployRegions = empty(residencyModeErrors) ? openAiRegions : fail(join(residencyModeErrors, ' '))

var paygSku = residencyMode == 'global' ? 'GlobalStandard' : residencyMode == 'data-zone' ? 'DataZoneStandard' : 'Standard'
var ptuSku = residencyMode == 'global' ? 'GlobalProvisionedManaged' : residencyMode == 'data-zone' ? 'DataZoneProvisionedManaged' : 'ProvisionedManaged'
var logicalDeployments = [ 'radiology-draft', 'var-narrative', 'foia-redact', 'chat' ]
var paygDeployments = [for d in logicalDeployments: { name: d, model: chatModel.name, version: chatModel.version, sku: paygSku, capacity: paygCapacity }]
var ptuDeployments = enablePtu ? [ { name: 'chat-ptu', model: chatModel.name, version: chatModel.version, sku: ptuSku, capacity: ptuCapacity } ] : []

var durableHub = 'EnclaveHub'
var useScheduler = durableBackend == 'durableTaskScheduler'
// Containers the Functions host and the Azure Storage Durable provider write; the app's identity gets Blob Data
// Contributor on each of them and on the app's own, never on the account.
var runtimeContainers = concat([ 'azure-webjobs-hosts', 'azure-webjobs-secrets' ], useScheduler ? [] : [ '${toLower(durableHub)}-leases', '${toLower(durableHub)}-largemessages' ])
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
    privateNetwork: privateNetwork
  }
}

// The CMK can only be unwrapped once the identity holds its Key Vault role, so roles go in before storage and OpenAI.
module cmkAccess 'modules/cmk-access.bicep' = {
  name: 'cmk-access'
  scope: rg
  params: { principalId: identity.outputs.principalId, keyVaultName: vault.outputs.name, keyNames: [ vault.outputs.storageKeyName, vault.outputs.openAiKeyName ] }
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
    containers: concat(containers, runtimeContainers)
    privateNetwork: privateNetwork
    auditContainer: 'audit'
    auditRetentionDays: auditRetentionDays
    auditWormLocked: auditWormLocked
    queues: queues
    logAnalyticsId: monitoring.outputs.logAnalyticsId
  }
}

module openAi 'modules/openai.bicep' = [for (r, i) in openAiDeployRegions: {
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
    privateNetwork: privateNetwork
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
    privateNetwork: privateNetwork
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
    privateNetwork: privateNetwork
  }
}

// Config parity: the gateway's endpoint list is generated here from the deployed regions, never copied by hand.
// The deployment type tells the gateway whether a response without x-ms-region may be assumed served at home.
var endpointDeploymentType = residencyMode == 'global' ? 'global' : residencyMode == 'data-zone' ? 'data-zone' : 'regional'
var paygEndpoints = [for (r, i) in openAiDeployRegions: {
  name: r.region
  region: r.region
  dataZone: regionZones[r.region]
  deploymentType: endpointDeploymentType
  kind: 'payg'
  url: openAi[i].outputs.endpoint
  weight: r.weight
  priority: r.priority
  deployments: { 'radiology-draft': 'radiology-draft', 'var-narrative': 'var-narrative', 'foia-redact': 'foia-redact', chat: 'chat' }
}]
var ptuEndpoints = enablePtu ? [ {
  name: '${openAiDeployRegions[0].region}-ptu'
  region: openAiDeployRegions[0].region
  dataZone: regionZones[openAiDeployRegions[0].region]
  deploymentType: endpointDeploymentType
  kind: 'ptu'
  url: openAi[0].outputs.endpoint
  weight: 100
  priority: 0
  ptuCapacity: ptuCapacity
  deployments: { 'radiology-draft': 'chat-ptu', 'var-narrative': 'chat-ptu', 'foia-redact': 'chat-ptu', chat: 'chat-ptu' }
} ] : []

module durableScheduler 'modules/durable-task-scheduler.bicep' = if (useScheduler) {
  name: 'durable-task-scheduler'
  scope: rg
  params: {
    name: 'dts-${token}'
    location: location
    tags: tags
    taskHubName: durableHub
    logAnalyticsId: monitoring.outputs.logAnalyticsId
  }
}

var privateEndpoints = concat([
  { name: 'blob', resourceId: storage.outputs.id, groupId: 'blob', zone: 'privatelink.blob.${environment().suffixes.storage}' }
  { name: 'queue', resourceId: storage.outputs.id, groupId: 'queue', zone: 'privatelink.queue.${environment().suffixes.storage}' }
  { name: 'table', resourceId: storage.outputs.id, groupId: 'table', zone: 'privatelink.table.${environment().suffixes.storage}' }
  { name: 'vault', resourceId: vault.outputs.id, groupId: 'vault', zone: 'privatelink.vaultcore.azure.net' }
  { name: 'servicebus', resourceId: serviceBus.outputs.id, groupId: 'namespace', zone: 'privatelink.servicebus.windows.net' }
  { name: 'contentsafety', resourceId: contentSafety.outputs.id, groupId: 'account', zone: 'privatelink.cognitiveservices.azure.com' }
], [for (r, i) in openAiDeployRegions: { name: 'openai-${r.region}', resourceId: openAi[i].outputs.id, groupId: 'account', zone: 'privatelink.openai.azure.com' }])

module network 'modules/network.bicep' = if (privateNetwork) {
  name: 'network'
  scope: rg
  params: { name: 'vnet-${token}', location: location, tags: tags, endpoints: privateEndpoints }
}

// With Durable Task Scheduler the extension reads host.json's durableTask.storageProvider; App Service settings
// override host.json (AzureFunctionsJobHost__<path>), so one deployed package serves both backends.
var durableSettings = useScheduler ? {
  AzureFunctionsJobHost__extensions__durableTask__storageProvider__type: 'azureManaged'
  AzureFunctionsJobHost__extensions__durableTask__storageProvider__connectionStringName: 'DURABLE_TASK_SCHEDULER_CONNECTION_STRING'
  AzureFunctionsJobHost__extensions__durableTask__hubName: durableHub
  DURABLE_TASK_SCHEDULER_CONNECTION_STRING: 'Endpoint=${durableScheduler.outputs.endpoint};Authentication=ManagedIdentity;ClientID=${identity.outputs.clientId}'
  TASKHUB_NAME: durableHub
} : {}

var appSettings = union(durableSettings, {
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
  VAR_TIME_ZONE: varTimeZone
  MODEL_ENDPOINTS: string(concat(ptuEndpoints, paygEndpoints))
  CONTENT_SAFETY_ENDPOINT: contentSafety.outputs.endpoint
  RADIOLOGY_RESIDENCY: residency.radiology
  VAR_RESIDENCY: residency.var
  FOIA_RESIDENCY: residency.foia
  REVIEW_LINK_SECRET: '@Microsoft.KeyVault(SecretUri=${vault.outputs.reviewSecretUri})'
  RADIOLOGY_SIGNING_KEY_ID: vault.outputs.radiologySigningKeyId
  AUDIT_CONTAINER: 'audit'
  AUDIT_SIGNING_KEY_ID: vault.outputs.auditHeadsKeyId
})

// The app starts only after its roles exist, so its Key Vault references and identity connections resolve at once.
module functionApp 'modules/functionapp.bicep' = {
  name: 'functionapp'
  scope: rg
  dependsOn: [ roles, cmkAccess ]
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
    authClientId: authClientId
    virtualNetworkSubnetId: privateNetwork ? network.outputs.appSubnetId : ''
  }
}

module roles 'modules/roles.bicep' = {
  name: 'roles'
  scope: rg
  dependsOn: [ serviceBus, contentSafety, openAi, monitoring, durableScheduler ]
  params: {
    principalId: identity.outputs.principalId
    storageAccountName: storage.outputs.name
    blobContainers: concat(containers, runtimeContainers, [ 'audit' ])
    keyVaultName: vault.outputs.name
    signingKeys: [ vault.outputs.radiologySigningKeyName, vault.outputs.auditHeadsKeyName ]
    vaultReferences: [ vault.outputs.reviewSecretName ]
    durableSchedulerName: useScheduler ? durableScheduler.outputs.name : ''
    durableTaskHubName: useScheduler ? durableHub : ''
    serviceBusName: '${abbrs.serviceBusNamespaces}${token}'
    contentSafetyName: '${abbrs.cognitiveServicesContentSafety}${token}'
    openAiNames: [for r in openAiDeployRegions: '${abbrs.cognitiveServicesOpenAI}${token}-${r.region}']
    appInsightsName: '${abbrs.insightsComponents}${token}'
  }
}

module auditWormLock 'modules/audit-worm-lock.bicep' = if (auditWormLock && !auditWormLocked) {
  name: 'audit-worm-lock'
  scope: rg
  dependsOn: [ storage ]
  params: {
    storageAccountName: storage.outputs.name
    auditContainer: 'audit'
    location: location
    tags: tags
    identityName: '${abbrs.managedIdentityUserAssignedIdentities}worm-${token}'
  }
}

module operatorAccess 'modules/operator-access.bicep' = if (!empty(principalId)) {
  name: 'operator-access'
  scope: rg
  params: {
    principalId: principalId
    storageAccountName: storage.outputs.name
    auditContainer: 'audit'
    auditHeadsTable: 'auditheads'
    keyVaultName: vault.outputs.name
    auditKeyName: vault.outputs.auditHeadsKeyName
  }
}

output AZURE_LOCATION string = location
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name
output AZURE_FUNCTION_URL string = 'https://${functionApp.outputs.defaultHostName}'
output AZURE_STORAGE_ACCOUNT string = storage.outputs.name
output AZURE_KEY_VAULT_URI string = vault.outputs.uri
output MODEL_ENDPOINTS string = string(concat(ptuEndpoints, paygEndpoints))
