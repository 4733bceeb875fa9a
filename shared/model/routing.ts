import type { ModelEndpoint } from './endpoints';

/**
 * The order to try endpoints in: PTU first (while it takes traffic), then pay-as-you-go by priority group, weighted
 * at random inside a group (60/40 by default), the rest of the group after. Pure: `random` is injected.
 */
export function routeOrder(candidates: ModelEndpoint[], random: () => number = Math.random): ModelEndpoint[] {
  const ptu = candidates.filter((e) => e.kind === 'ptu').sort((a, b) => a.priority - b.priority);
  const payg = candidates.filter((e) => e.kind === 'payg');
  const priorities = [...new Set(payg.map((e) => e.priority))].sort((a, b) => a - b);
  const ordered: ModelEndpoint[] = [...ptu];
  for (const priority of priorities) {
    const pool = payg.filter((e) => e.priority === priority);
    while (pool.length > 0) {
      const total = pool.reduce((s, e) => s + e.weight, 0);
      let pick = 0;
      if (total > 0) {
        const target = random() * total;
        let cumulative = 0;
        pick = pool.length - 1;
        for (let i = 0; i < pool.length; i++) {
          cumulative += pool[i]!.weight;
          if (target < cumulative) {
            pick = i;
            break;
          }
        }
      }
      ordered.push(pool.splice(pick, 1)[0]!);
    }
  }
  return ordered;
}
