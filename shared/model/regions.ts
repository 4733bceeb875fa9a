export type DataZone = 'americas' | 'europe' | 'asia-pacific' | 'usgov';

interface RegionInfo {
  displayName: string;
  zone: DataZone;
}

/** Azure regions we deploy to: `x-ms-region` carries the display name, residency works on the zone. */
export const REGIONS: Record<string, RegionInfo> = {
  eastus: { displayName: 'East US', zone: 'americas' },
  eastus2: { displayName: 'East US 2', zone: 'americas' },
  westus: { displayName: 'West US', zone: 'americas' },
  westus3: { displayName: 'West US 3', zone: 'americas' },
  canadaeast: { displayName: 'Canada East', zone: 'americas' },
  westeurope: { displayName: 'West Europe', zone: 'europe' },
  northeurope: { displayName: 'North Europe', zone: 'europe' },
  swedencentral: { displayName: 'Sweden Central', zone: 'europe' },
  francecentral: { displayName: 'France Central', zone: 'europe' },
  uksouth: { displayName: 'UK South', zone: 'europe' },
  japaneast: { displayName: 'Japan East', zone: 'asia-pacific' },
  australiaeast: { displayName: 'Australia East', zone: 'asia-pacific' },
  usgovvirginia: { displayName: 'USGov Virginia', zone: 'usgov' },
  usgovarizona: { displayName: 'USGov Arizona', zone: 'usgov' },
};

/** "West Europe" → "westeurope"; undefined for a region we do not know. */
export function regionFromDisplayName(displayName: string): string | undefined {
  const wanted = displayName.trim().toLowerCase();
  return Object.entries(REGIONS).find(
    ([name, info]) => info.displayName.toLowerCase() === wanted || name === wanted,
  )?.[0];
}
