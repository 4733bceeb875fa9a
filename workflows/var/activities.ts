import type { VarDeps } from './activity-support';
import { createVarAlertActivities } from './alert-activities';
import { createVarFactActivities } from './fact-activities';
import { createVarReportActivities } from './report-activities';

export type { VarDeps } from './activity-support';

/** Every VaR activity, by the name it is registered under. */
export function createVarActivities(deps: VarDeps) {
  return {
    ...createVarFactActivities(deps),
    ...createVarReportActivities(deps),
    ...createVarAlertActivities(deps),
  };
}
