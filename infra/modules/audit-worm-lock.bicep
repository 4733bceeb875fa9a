@description('Storage account name.')
param storageAccountName string

@description('Audit container whose immutability policy is locked.')
param auditContainer string

@description('Azure region.')
param location string

@description('Tags applied to every resource.')
param tags object

@description('Name of the identity that runs the lock (it may only read and lock immutability policies).')
param identityName string

var lockerActions = [
  'Microsoft.Storage/storageAccounts/read'
  'Microsoft.Storage/storageAccounts/blobServices/containers/immutabilityPolicies/read'
  'Microsoft.Storage/storageAccounts/blobServices/containers/immutabilityPolicies/lock/action'
]

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = { name: storageAccountName }

resource locker 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: identityName
  location: location
  tags: tags
}

resource lockerRole 'Microsoft.Authorization/roleDefinitions@2022-04-01' = {
  name: guid(resourceGroup().id, 'enclave-audit-worm-locker')
  properties: {
    roleName: 'Enclave audit WORM locker (${resourceGroup().name})'
    description: 'Read and lock the audit container immutability policy; nothing else.'
    assignableScopes: [ resourceGroup().id ]
    permissions: [ { actions: lockerActions, dataActions: [] } ]
  }
}

resource lockerAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, identityName, 'worm-lock')
  scope: storage
  properties: { principalId: locker.properties.principalId, principalType: 'ServicePrincipal', roleDefinitionId: lockerRole.id }
}

// ARM cannot lock a policy in a PUT (lock is a POST with the policy's etag), so a one-off script does it. Locking is
// irreversible: afterwards set ENCLAVE_AUDIT_WORM_LOCKED=true so the template stops sending the policy.
resource lock 'Microsoft.Resources/deploymentScripts@2023-08-01' = {
  name: 'lock-audit-worm'
  location: location
  tags: tags
  kind: 'AzureCLI'
  identity: { type: 'UserAssigned', userAssignedIdentities: { '${locker.id}': {} } }
  dependsOn: [ lockerAccess ]
  properties: {
    azCliVersion: '2.67.0'
    retentionInterval: 'PT1H'
    environmentVariables: [
      { name: 'RG', value: resourceGroup().name }
      { name: 'ACCOUNT', value: storageAccountName }
      { name: 'CONTAINER', value: auditContainer }
    ]
    scriptContent: 'etag=$(az storage container immutability-policy show -g "$RG" --account-name "$ACCOUNT" -c "$CONTAINER" --query etag -o tsv); state=$(az storage container immutability-policy show -g "$RG" --account-name "$ACCOUNT" -c "$CONTAINER" --query state -o tsv); [ "$state" = Locked ] || az storage container immutability-policy lock -g "$RG" --account-name "$ACCOUNT" -c "$CONTAINER" --if-match "$etag"'
  }
}
