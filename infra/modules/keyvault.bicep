@description('Key Vault name.')
param name string

@description('Azure region.')
param location string

@description('Tags applied to every resource.')
param tags object

@description('Log Analytics workspace receiving the vault audit logs.')
param logAnalyticsId string

@description('Private-network mode: public access off, reached through a private endpoint.')
param privateNetwork bool = false

@secure()
@description('Secret that signs reviewer links, written exactly as given (never generated here); rotate as DEPLOY.md describes.')
param reviewLinkSecret string

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'premium' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    publicNetworkAccess: privateNetwork ? 'Disabled' : 'Enabled'
    networkAcls: { defaultAction: privateNetwork ? 'Deny' : 'Allow', bypass: 'AzureServices' }
  }
}

resource storageKey 'Microsoft.KeyVault/vaults/keys@2023-07-01' = {
  parent: vault
  name: 'storage-cmk'
  tags: tags
  properties: {
    kty: 'RSA-HSM'
    keySize: 3072
    rotationPolicy: {
      lifetimeActions: [ { action: { type: 'rotate' }, trigger: { timeBeforeExpiry: 'P30D' } } ]
      attributes: { expiryTime: 'P1Y' }
    }
  }
}

resource openAiKey 'Microsoft.KeyVault/vaults/keys@2023-07-01' = {
  parent: vault
  name: 'openai-cmk'
  tags: tags
  properties: {
    kty: 'RSA-HSM'
    keySize: 3072
    rotationPolicy: {
      lifetimeActions: [ { action: { type: 'rotate' }, trigger: { timeBeforeExpiry: 'P30D' } } ]
      attributes: { expiryTime: 'P1Y' }
    }
  }
}

resource radiologySigningKey 'Microsoft.KeyVault/vaults/keys@2023-07-01' = {
  parent: vault
  name: 'radiology-signing'
  tags: tags
  properties: {
    kty: 'EC-HSM'
    curveName: 'P-256'
    keyOps: [ 'sign', 'verify' ]
  }
}

resource auditHeadsKey 'Microsoft.KeyVault/vaults/keys@2023-07-01' = {
  parent: vault
  name: 'audit-heads'
  tags: tags
  properties: {
    kty: 'EC-HSM'
    curveName: 'P-256'
    keyOps: [ 'sign', 'verify' ]
  }
}

resource reviewSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'review-link-secret'
  tags: tags
  properties: {
    value: reviewLinkSecret
    contentType: 'HMAC-SHA256 key for reviewer links'
  }
}

resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit-to-log-analytics'
  scope: vault
  properties: {
    workspaceId: logAnalyticsId
    logs: [ { categoryGroup: 'audit', enabled: true } ]
    metrics: [ { category: 'AllMetrics', enabled: true } ]
  }
}

output id string = vault.id
output name string = vault.name
output uri string = vault.properties.vaultUri
output storageKeyName string = storageKey.name
output openAiKeyName string = openAiKey.name
output radiologySigningKeyId string = radiologySigningKey.properties.keyUri
output auditHeadsKeyName string = auditHeadsKey.name
output auditHeadsKeyId string = auditHeadsKey.properties.keyUri
output radiologySigningKeyName string = radiologySigningKey.name
output reviewSecretName string = reviewSecret.name
output reviewSecretUri string = reviewSecret.properties.secretUri
