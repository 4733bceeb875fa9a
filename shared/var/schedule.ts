import { Cron } from 'croner';
import { localDate } from './calendar';

/** 5 AM, Monday to Friday, in the desk's time zone. */
export const VAR_SCHEDULE = '0 0 5 * * 1-5';

/**
 * The timer itself ticks every half hour in whatever zone the host runs: Flex and Linux Consumption ignore
 * WEBSITE_TIME_ZONE and fire in UTC, so the desk's 5 AM is found here, in the desk's zone, not by the host.
 */
export const VAR_TIMER = '0 0,30 * * * *';
const TICK_MS = 30 * 60_000;
const DAY_MS = 86_400_000;

// Azure may fire a timer up to a second early (clock skew); a minute of slack still finds that occurrence.
const EARLY_FIRE_MS = 60_000;

/**
 * The schedule occurrence an invocation stands for: the latest one at or before now. A past-due run (host down at
 * 5 AM) comes after its occurrence, so it gets no slack and stands for the latest date missed; earlier missed dates
 * are re-run by POST /api/var/runs.
 */
export function firedOccurrence(schedule: string, timeZone: string, nowMs: number, isPastDue = false): number {
  const [latest] = new Cron(schedule, { timezone: timeZone, paused: true }).previousRuns(
    1,
    new Date(nowMs + (isPastDue ? 0 : EARLY_FIRE_MS)),
  );
  if (!latest) throw new Error(`schedule "${schedule}" has no occurrence before ${new Date(nowMs).toISOString()}`);
  return latest.getTime();
}

/**
 * The desk's 5 AM this tick must start, if any: the latest occurrence that came after the previous tick
 * (`scheduleStatus.last`, which on Azure is the previous run) and at most a day ago. With no previous tick
 * recorded (a first deployment; Azure reports 0001-01-01), only an occurrence within the last tick counts, so a
 * deployment at 3 PM does not start the morning's report.
 */
export function dueOccurrence(
  deskZone: string,
  nowMs: number,
  lastTickIso: string | undefined,
  isPastDue = false,
): number | undefined {
  const occurrence = firedOccurrence(VAR_SCHEDULE, deskZone, nowMs, isPastDue);
  const last = lastTickIso ? Date.parse(lastTickIso) : Number.NaN;
  const known = Number.isFinite(last) && last > Date.UTC(2000, 0, 1);
  const since = known ? Math.max(last, nowMs - DAY_MS) : nowMs - TICK_MS;
  return occurrence > since ? occurrence : undefined;
}

/** The instant of `date`'s 5 AM in the desk's zone (the start its scheduled run stands for). */
export function scheduledStartOf(date: string, timeZone: string): number {
  const from = new Date(Date.parse(`${date}T00:00:00Z`) - 2 * DAY_MS);
  const found = new Cron('0 0 5 * * *', { timezone: timeZone, paused: true })
    .nextRuns(5, from)
    .find((run) => localDate(run.getTime(), timeZone) === date);
  if (!found) throw new Error(`no 5 AM in ${timeZone} on ${date}`);
  return found.getTime();
}

export type ManualCutoff = { ok: true; cutoffAt: string } | { ok: false; error: string };

/**
 * The cutoff of a run a caller starts by hand. It never ends before the date's scheduled run would (5 AM plus the
 * cutoff hours), so a manual run cannot settle the day as "data missing" and make the 5 AM timer skip it; a future
 * date is refused (its run starts on schedule).
 */
export function manualCutoff(date: string, nowMs: number, timeZone: string, cutoffHours: number): ManualCutoff {
  if (date > localDate(nowMs, timeZone))
    return {
      ok: false,
      error: `${date} is in the future for the desk (${timeZone}); its report starts on schedule at 5 AM, and a run by hand is for today or earlier`,
    };
  const waitMs = cutoffHours * 3600_000;
  return { ok: true, cutoffAt: new Date(Math.max(nowMs, scheduledStartOf(date, timeZone)) + waitMs).toISOString() };
}
