import { type VarDeps, varActivitySupport } from './activity-support';
import type { VarRun } from './types';

/** The desk's notices: a draft ready for review, or no report today because the data never came. */
export function createVarAlertActivities(deps: VarDeps) {
  const { iso, notify } = varActivitySupport(deps);
  return {
    async alertVar({
      run,
      instanceId,
      kind,
    }: {
      run: VarRun;
      instanceId: string;
      kind: 'ready-for-review' | 'market-data-missing';
    }): Promise<void> {
      const title =
        kind === 'ready-for-review'
          ? `VaR report ready for review (${run.date})`
          : `Market data missing for ${run.date}: no VaR report today`;
      await notify(run, instanceId, run.reviewer, kind, title);
      if (kind === 'market-data-missing') {
        await deps.audit.append({
          kind: 'pipeline',
          timestamp: iso(),
          event: 'failed',
          pipeline: 'var',
          instanceId,
          subjectId: run.date,
          actor: 'system',
          detail: 'market data missing at cutoff',
        });
      }
    },
  };
}
