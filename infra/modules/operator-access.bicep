@description('Principal id of the operator running azd (read access to the audit trail for the verifier, nothing else).')
param principalId string

@description('Storage account name.')
param storageAccountName string

@description('The audit container: the only blobs the operator reads (no PHI container).')
param auditContainer string

@description('The audit heads table (signed heads and day manifests).')
param auditHeadsTable string

@description('Key Vault name.')
param keyVaultName string

@description('The Key Vault key that signs the audit heads: the operator may verify with it, never sign.')
param auditKeyName string

var blobDataReader = '2a2b9908-6ea1-4ae2-8e65-a410df84e7d1'
var tableDataReader = '76199698-9eea-4c19-bc75-cec21354c6b6'

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = { name: storageAccountName }
resource container 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' existing = { name: '${storageAccountName}/default/${auditContainer}' }
resource table 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01' existing = { name: '${storageAccountName}/default/${auditHeadsTable}' }
resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = { name: keyVaultName }
resource auditKey 'Microsoft.KeyVault/vaults/keys@2023-07-01' existing = { parent: vault, name: auditKeyName }

resource auditReader 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, auditContainer, principalId, blobDataReader)
  scope: container
  properties: { principalId: principalId, roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', blobDataReader) }
}

resource headsReader 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, auditHeadsTable, principalId, tableDataReader)
  scope: table
  properties: { principalId: principalId, roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', tableDataReader) }
}

// Verify only: Key Vault Crypto User would also let the operator sign a forged head.
resource verifierRole 'Microsoft.Authorization/roleDefinitions@2022-04-01' = {
  name: guid(resourceGroup().id, 'enclave-audit-head-verifier')
  properties: {
    roleName: 'Enclave audit head verifier (${resourceGroup().name})'
    description: 'Read and verify with the audit heads key; no sign.'
    assignableScopes: [ resourceGroup().id ]
    permissions: [ { actions: [], dataActions: [ 'Microsoft.KeyVault/vaults/keys/read', 'Microsoft.KeyVault/vaults/keys/verify/action' ] } ]
  }
}

resource keyVerifier 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, auditKeyName, principalId, 'verify')
  scope: auditKey
  properties: { principalId: principalId, roleDefinitionId: verifierRole.id }
}
