@description('Virtual network name.')
param name string

@description('Azure region.')
param location string

@description('Tags applied to every resource.')
param tags object

@description('Private endpoints to create: objects { name, resourceId, groupId, zone } (zone: the privatelink DNS zone).')
param endpoints array

var zones = union(map(endpoints, e => e.zone), [])

resource vnet 'Microsoft.Network/virtualNetworks@2024-01-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    addressSpace: { addressPrefixes: [ '10.40.0.0/16' ] }
    subnets: [
      {
        name: 'app'
        properties: {
          addressPrefix: '10.40.1.0/24'
          // Flex Consumption VNet integration delegates its subnet to Microsoft.App/environments.
          delegations: [ { name: 'flex', properties: { serviceName: 'Microsoft.App/environments' } } ]
        }
      }
      { name: 'private-endpoints', properties: { addressPrefix: '10.40.2.0/24', privateEndpointNetworkPolicies: 'Disabled' } }
    ]
  }
}

resource dnsZones 'Microsoft.Network/privateDnsZones@2024-06-01' = [for z in zones: {
  name: z
  location: 'global'
  tags: tags
}]

resource dnsLinks 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = [for (z, i) in zones: {
  parent: dnsZones[i]
  name: 'enclave-vnet'
  location: 'global'
  tags: tags
  properties: { registrationEnabled: false, virtualNetwork: { id: vnet.id } }
}]

resource privateEndpoints 'Microsoft.Network/privateEndpoints@2024-01-01' = [for e in endpoints: {
  name: 'pe-${e.name}'
  location: location
  tags: tags
  properties: {
    subnet: { id: '${vnet.id}/subnets/private-endpoints' }
    privateLinkServiceConnections: [ { name: e.name, properties: { privateLinkServiceId: e.resourceId, groupIds: [ e.groupId ] } } ]
  }
}]

resource dnsGroups 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2024-01-01' = [for (e, i) in endpoints: {
  parent: privateEndpoints[i]
  dependsOn: [ dnsZones ]
  name: 'default'
  properties: { privateDnsZoneConfigs: [ { name: e.groupId, properties: { privateDnsZoneId: resourceId('Microsoft.Network/privateDnsZones', e.zone) } } ] }
}]

output appSubnetId string = '${vnet.id}/subnets/app'
