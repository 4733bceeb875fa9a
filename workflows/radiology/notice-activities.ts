import type { CriticalFinding } from '../../shared/radiology/critical';
import { type RadiologyDeps, radiologyActivitySupport } from './activity-support';
import type { RadiologyRun } from './types';

/** The critical-result notice (ACR: minutes for category 1) and the run's recorded outcome. */
export function createNoticeActivities(deps: RadiologyDeps) {
  const { iso, pipelineEvent } = radiologyActivitySupport(deps);
  return {
    async notifyCriticalResult({
      run,
      instanceId,
      critical,
    }: {
      run: RadiologyRun;
      instanceId: string;
      critical: CriticalFinding[];
    }): Promise<void> {
      const names = critical.map((c) => `${c.name} (ACR ${c.acrCategory})`).join('; ');
      await deps.notifier.send({
        kind: 'critical-result',
        to: run.reviewer,
        pipeline: 'radiology',
        subjectId: run.accession,
        instanceId,
        title: `URGENT critical result: ${names}`,
        at: iso(),
      });
      await pipelineEvent(run, instanceId, 'critical-notified', {
        detail: critical
          .map((c) => `ACR ${c.acrCategory} ${c.name}`)
          .join('; ')
          .slice(0, 160),
      });
    },

    async recordRadiologyOutcome({
      run,
      instanceId,
      outcome,
    }: {
      run: RadiologyRun;
      instanceId: string;
      outcome: 'rejected' | 'expired';
    }): Promise<void> {
      await pipelineEvent(run, instanceId, outcome);
    },
  };
}
