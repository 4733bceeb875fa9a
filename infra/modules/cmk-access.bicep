@description('Principal id of the identity that unwraps customer-managed keys.')
param principalId string

@description('Key Vault holding the keys.')
param keyVaultName string

@description('The customer-managed keys (storage, OpenAI): the role is granted on each key, not on the vault.')
param keyNames array

var cryptoServiceEncryptionUser = 'e147488a-f6f5-4113-8e2d-b22465e65bf6'

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = { name: keyVaultName }
resource keys 'Microsoft.KeyVault/vaults/keys@2023-07-01' existing = [for k in keyNames: { parent: vault, name: k }]

resource unwrap 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for (k, i) in keyNames: {
  name: guid(vault.id, k, principalId, cryptoServiceEncryptionUser)
  scope: keys[i]
  properties: { principalId: principalId, principalType: 'ServicePrincipal', roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', cryptoServiceEncryptionUser) }
}]
