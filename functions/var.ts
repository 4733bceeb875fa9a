import { app, type HttpRequest, type InvocationContext, type Timer } from '@azure/functions';
import * as df from 'durable-functions';
import { z } from 'zod';
import { createAuditSink } from '../shared/audit/index';
import { now } from '../shared/clock';
import { type Config, loadConfig } from '../shared/config';
import { BODY_LIMITS, readJson, refusal } from '../shared/http/body';
import { authorise } from '../shared/identity/caller';
import { ROLES } from '../shared/identity/roles';
import { registerView } from '../shared/review/views';
import { deskHolidays, isBusinessDay, localDate } from '../shared/var/calendar';
import { varView } from '../shared/var/review-view';
import { dueOccurrence, manualCutoff, VAR_TIMER } from '../shared/var/schedule';
import { createVarActivities } from '../workflows/var/activities';
import { varDeps } from '../workflows/var/deps';
import {
  ALERT_VAR,
  BUILD_VAR_NARRATIVE_REQUEST,
  CHECK_VAR_DATA,
  CHECK_VAR_NARRATIVE,
  COMPUTE_VAR_FACTS,
  instanceIdFor,
  PUBLISH_VAR_REPORT,
  RENDER_VAR_DRAFT,
  VAR_ORCHESTRATOR,
} from '../workflows/var/names';
import { varOrchestrator } from '../workflows/var/orchestrator';
import type { VarRun } from '../workflows/var/types';
import { registerActivities } from './register-activities';
import { runTaken } from './start-once';

registerView(varView);
const activities = async () => createVarActivities(await varDeps(loadConfig()));

df.app.orchestration(VAR_ORCHESTRATOR, varOrchestrator);
registerActivities(activities, {
  [CHECK_VAR_DATA]: 'checkVarData',
  [COMPUTE_VAR_FACTS]: 'computeVarFacts',
  [BUILD_VAR_NARRATIVE_REQUEST]: 'buildVarNarrativeRequest',
  [CHECK_VAR_NARRATIVE]: 'checkVarNarrative',
  [RENDER_VAR_DRAFT]: 'renderVarDraft',
  [PUBLISH_VAR_REPORT]: 'publishVarReport',
  [ALERT_VAR]: 'alertVar',
});

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
async function start(client: df.DurableClient, run: VarRun): Promise<{ instanceId: string; duplicate: boolean }> {
  const instanceId = instanceIdFor(run.date);
  if (await runTaken(client, instanceId)) return { instanceId, duplicate: true };
  await client.startNew(VAR_ORCHESTRATOR, { instanceId, input: run });
  return { instanceId, duplicate: false };
}

app.timer('varDaily', {
  schedule: VAR_TIMER,
  extraInputs: [df.input.durableClient()],
  handler: async (timer: Timer, context: InvocationContext) => {
    const config = loadConfig();
    const desk = config.var;
    const zone = desk.timeZone;
    const scheduled = dueOccurrence(zone, now(), timer.scheduleStatus?.last, timer.isPastDue);
    if (scheduled === undefined) return;
    const date = localDate(scheduled, zone);
    if (!isBusinessDay(date, deskHolidays(desk, date)))
      return context.log(`no VaR report on ${date}: not a business day`);
    const cutoffAt = new Date(scheduled + desk.cutoffHours * 3600_000).toISOString();
    const { instanceId, duplicate } = await start(
      df.getClient(context),
      runFor(config, date, cutoffAt, 'system:var-schedule'),
    );
    context.log(
      `${duplicate ? `${instanceId} already exists` : `started ${instanceId}`}${timer.isPastDue ? ' (past due)' : ''}`,
    );
  },
});

const runRequest = z.strictObject({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD'),
  cutoffAt: z.string().datetime({ offset: true }).optional(),
});

/**
 * A run by hand (a re-run, or a date the timer missed). Its cutoff comes from the desk's schedule; only an operator
 * (the admin key's route, or the Operator app role) chooses one, and that choice is audited.
 */
async function runByHand(request: HttpRequest, context: InvocationContext, adminKey: boolean) {
  const config = loadConfig();
  let actor = 'admin-key';
  let operator = adminKey;
  if (!adminKey) {
    const who = authorise(request.headers, config.identity, config.environment, ROLES.varOperate);
    if (!who.ok) return refusal(who.status, who.error, who.where);
    actor = who.caller.name;
    operator = who.caller.roles.includes(ROLES.operator);
  }
  const body = await readJson(request, runRequest, BODY_LIMITS.varRun);
  if (!body.ok) return body.refusal;
  const { date, cutoffAt: chosen } = body.value;
  if (chosen !== undefined && !operator)
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
  const run = runFor(config, date, cutoffAt, actor);
  const { instanceId, duplicate } = await start(df.getClient(context), run);
  if (chosen !== undefined && !duplicate)
    await (await createAuditSink(config)).append({
      kind: 'pipeline',
      timestamp: new Date(now()).toISOString(),
      event: 'cutoff-set',
      pipeline: 'var',
      instanceId,
      subjectId: date,
      actor,
      detail: `operator cutoff ${new Date(cutoffAt).toISOString()}`,
    });
  return { status: 202, jsonBody: { instanceId, duplicate } };
}

app.http('varRun', {
  route: 'var/runs',
  methods: ['POST'],
  authLevel: 'function',
  extraInputs: [df.input.durableClient()],
  handler: (request: HttpRequest, context: InvocationContext) => runByHand(request, context, false),
});

app.http('varOperatorRun', {
  route: 'var/runs/operator',
  methods: ['POST'],
  authLevel: 'admin',
  extraInputs: [df.input.durableClient()],
  handler: (request: HttpRequest, context: InvocationContext) => runByHand(request, context, true),
});
