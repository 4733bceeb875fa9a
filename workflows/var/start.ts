import type * as df from 'durable-functions';
import { createAuditSink } from '../../shared/audit/index';
import { now } from '../../shared/clock';
import type { Config } from '../../shared/config';
import { type Refusal, refusal } from '../../shared/http/body';
import { deskHolidays, isBusinessDay, localDate } from '../../shared/var/calendar';
import { dueOccurrence, manualCutoff } from '../../shared/var/schedule';
import { runTaken } from '../start-once';
import { instanceIdFor, VAR_ORCHESTRATOR } from './names';
import type { VarRun } from './types';

type Started = { instanceId: string; duplicate: boolean };

function runFor(config: Config, date: string, cutoffAt: string, requestedBy: string): VarRun {
  return {
    date,
    cutoffAt,
    pollMs: config.var.pollMinutes * 60_000,
    holidays: deskHolidays(config.var, date),
    reviewer: config.var.reviewer,
    backupReviewer: config.var.backupReviewer,
    executives: config.var.executives,
    residency: config.model.residency.var,
    requestedBy,
  };
}

/** One orchestration per business date: a second trigger for the same date returns the first. */
async function start(client: df.DurableClient, run: VarRun): Promise<Started> {
  const instanceId = instanceIdFor(run.date);
  if (await runTaken(client, instanceId)) return { instanceId, duplicate: true };
  await client.startNew(VAR_ORCHESTRATOR, { instanceId, input: run });
  return { instanceId, duplicate: false };
}

/** The timer's run: the desk's business day the occurrence falls on, cut off after the desk's hours. */
export async function startScheduledRun(
  config: Config,
  client: df.DurableClient,
  timer: { last?: string; isPastDue: boolean },
): Promise<string | undefined> {
  const desk = config.var;
  const scheduled = dueOccurrence(desk.timeZone, now(), timer.last, timer.isPastDue);
  if (scheduled === undefined) return undefined;
  const date = localDate(scheduled, desk.timeZone);
  if (!isBusinessDay(date, deskHolidays(desk, date))) return `no VaR report on ${date}: not a business day`;
  const cutoffAt = new Date(scheduled + desk.cutoffHours * 3600_000).toISOString();
  const { instanceId, duplicate } = await start(client, runFor(config, date, cutoffAt, 'system:var-schedule'));
  return `${duplicate ? `${instanceId} already exists` : `started ${instanceId}`}${timer.isPastDue ? ' (past due)' : ''}`;
}

export interface RunByHand {
  date: string;
  /** The cutoff an operator chose; without one it follows the desk's schedule. */
  cutoffAt?: string;
  actor: string;
  operator: boolean;
}

/**
 * A run by hand (a re-run, or a date the timer missed). Its cutoff comes from the desk's schedule; only an operator
 * chooses one, and that choice is audited.
 */
export async function startRunByHand(
  config: Config,
  client: df.DurableClient,
  ask: RunByHand,
): Promise<Started | Refusal> {
  const { date, cutoffAt: chosen, actor } = ask;
  if (chosen !== undefined && !ask.operator)
    return refusal(
      403,
      'only an operator sets a cutoff: POST /api/var/runs/operator with the admin key, or hold the Operator app role; without it the cutoff follows the desk schedule',
      'cutoffAt',
    );
  if (!isBusinessDay(date, deskHolidays(config.var, date)))
    return refusal(400, `${date} is not a business day`, 'date');
  let cutoffAt = chosen;
  if (cutoffAt === undefined) {
    const scheduled = manualCutoff(date, now(), config.var.timeZone, config.var.cutoffHours);
    if (!scheduled.ok) return refusal(400, scheduled.error, 'date');
    cutoffAt = scheduled.cutoffAt;
  }
  const started = await start(client, runFor(config, date, cutoffAt, actor));
  if (chosen !== undefined && !started.duplicate)
    await (await createAuditSink(config)).append({
      kind: 'pipeline',
      timestamp: new Date(now()).toISOString(),
      event: 'cutoff-set',
      pipeline: 'var',
      instanceId: started.instanceId,
      subjectId: date,
      actor,
      detail: `operator cutoff ${new Date(cutoffAt).toISOString()}`,
    });
  return started;
}
