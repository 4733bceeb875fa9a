import { Cron } from 'croner';

/** 5 AM, Monday to Friday, in the desk's time zone (WEBSITE_TIME_ZONE). */
export const VAR_SCHEDULE = '0 0 5 * * 1-5';

// Azure may fire a timer up to a second early (clock skew); a minute of slack still finds that occurrence.
const EARLY_FIRE_MS = 60_000;

/**
 * The schedule occurrence an invocation stands for: the latest one at or before now. Not `scheduleStatus.last`,
 * which on Azure is the previous run (Friday's, for Monday's run), nor `next`, whose meaning depends on the host
 * (Azure/azure-functions-dotnet-worker#954). A past-due run (host down at 5 AM) comes after its occurrence, so it
 * gets no slack and stands for the latest date missed; earlier missed dates are re-run by POST /api/var/runs.
 */
export function firedOccurrence(schedule: string, timeZone: string, nowMs: number, isPastDue = false): number {
  const [latest] = new Cron(schedule, { timezone: timeZone, paused: true }).previousRuns(
    1,
    new Date(nowMs + (isPastDue ? 0 : EARLY_FIRE_MS)),
  );
  if (!latest) throw new Error(`schedule "${schedule}" has no occurrence before ${new Date(nowMs).toISOString()}`);
  return latest.getTime();
}
