import { stampTime } from '../../shared/clock';
import type { FoiaDeps } from './deps';
import type { FoiaRun } from './types';

export type FoiaEvent = 'submitted' | 'released' | 'rejected' | 'expired';

/** Appends one pipeline event about a run to the audit trail. */
export function foiaAuditEvent(deps: FoiaDeps) {
  const iso = stampTime(deps);
  return (run: FoiaRun, instanceId: string, event: FoiaEvent, extra: Record<string, unknown> = {}) =>
    deps.audit.append({
      kind: 'pipeline',
      timestamp: iso(),
      event,
      pipeline: 'foia',
      instanceId,
      subjectId: run.requestId,
      actor: run.requester,
      ...extra,
    });
}
