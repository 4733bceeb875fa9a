/** Price table (USD per 1K tokens) as data; PTU is billed hourly per unit, not per token. */
export const PRICES: Record<string, { input: number; output: number }> = {
  'gpt-4o': { input: 0.005, output: 0.015 },
  o1: { input: 0.015, output: 0.06 },
  'gpt-35-turbo': { input: 0.0005, output: 0.0005 },
  'text-embedding-3-small': { input: 0.00005, output: 0 },
};

/** USD per PTU per hour by model (monthly-reservation-free, pay-as-you-go provisioned rate). */
export const PTU_HOURLY: Record<string, number> = { 'gpt-4o': 1.0, o1: 1.0, 'gpt-35-turbo': 1.0 };

export const REGION_MULTIPLIERS: Record<string, number> = {
  eastus: 1.0,
  eastus2: 1.0,
  westus: 1.0,
  westus3: 1.0,
  westeurope: 1.0,
  uksouth: 1.2,
  japaneast: 1.3,
  australiaeast: 1.3,
};

export function regionMultiplier(region: string): number {
  return REGION_MULTIPLIERS[region] ?? 1.0;
}

/** Pay-as-you-go cost of one call; PTU-served calls cost nothing per token (their cost is the hourly rate). */
export function callCost(
  model: string,
  region: string,
  promptTokens: number,
  completionTokens: number,
  kind: 'ptu' | 'payg',
) {
  const price = PRICES[model] ?? PRICES['gpt-4o']!;
  const payg =
    ((promptTokens / 1000) * price.input + (completionTokens / 1000) * price.output) * regionMultiplier(region);
  const rounded = Math.round(payg * 1e6) / 1e6;
  return { costUsd: kind === 'ptu' ? 0 : rounded, paygEquivalentUsd: rounded };
}

/**
 * What the same usage would cost on PTU, and the utilisation at which PTU breaks even with pay-as-you-go.
 * `ptus` units for `hours` hours; tokens per minute one PTU sustains is model-specific (gpt-4o ≈ 2,500 tokens/min).
 */
export function ptuComparison(input: {
  paygUsd: number;
  tokens: number;
  hours: number;
  model: string;
  ptus?: number;
  tokensPerMinutePerPtu?: number;
}) {
  const tpm = input.tokensPerMinutePerPtu ?? 2_500;
  const hourly = PTU_HOURLY[input.model] ?? 1.0;
  const neededPtus = input.ptus ?? Math.max(1, Math.ceil(input.tokens / Math.max(1, input.hours * 60) / tpm));
  const ptuUsd = neededPtus * hourly * input.hours;
  const capacityTokens = neededPtus * tpm * 60 * input.hours;
  const paygPerToken = input.tokens > 0 ? input.paygUsd / input.tokens : 0;
  const breakEvenUtilisation = paygPerToken > 0 ? ptuUsd / (capacityTokens * paygPerToken) : Number.POSITIVE_INFINITY;
  return {
    ptus: neededPtus,
    ptuUsd,
    utilisation: capacityTokens > 0 ? input.tokens / capacityTokens : 0,
    breakEvenUtilisation,
  };
}
