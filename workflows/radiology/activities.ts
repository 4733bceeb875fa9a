import type { RadiologyDeps } from './activity-support';
import { createDraftActivities } from './draft-activities';
import { createFilingActivities } from './filing-activities';
import { createNoticeActivities } from './notice-activities';

export type { RadiologyDeps } from './activity-support';

/** Every radiology activity, by the name it is registered under. */
export function createRadiologyActivities(deps: RadiologyDeps) {
  return {
    ...createDraftActivities(deps),
    ...createFilingActivities(deps),
    ...createNoticeActivities(deps),
  };
}
