@description('Principal id of the operator running azd (read access to the audit trail for the verifier).')
param principalId string

@description('Storage account name.')
param storageAccountName string

var blobDataReader = '2a2b9908-6ea1-4ae2-8e65-a410df84e7d1'
var tableDataReader = '76199698-9eea-4c19-bc75-cec21354c6b6'

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = { name: storageAccountName }

resource readers 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for role in [ blobDataReader, tableDataReader ]: {
  name: guid(storage.id, principalId, role)
  scope: storage
  properties: { principalId: principalId, roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role) }
}]
