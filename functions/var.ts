import { app, type HttpRequest, type InvocationContext, type Timer } from '@azure/functions';
import * as df from 'durable-functions';
import { z } from 'zod';
import { now } from '../shared/clock';
import { type Config, loadConfig } from '../shared/config';
import { registerView } from '../shared/review/views';
import { deskHolidays, isBusinessDay, localDate } from '../shared/var/calendar';
import { varView } from '../shared/var/review-view';
import { dueOccurrence, VAR_TIMER } from '../shared/var/schedule';
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
  const existing = await client.getStatus(instanceId).catch(() => undefined);
  if (
    existing &&
    existing.runtimeStatus !== df.OrchestrationRuntimeStatus.Failed &&
    existing.runtimeStatus !== df.OrchestrationRuntimeStatus.Terminated
  ) {
    return { instanceId, duplicate: true };
  }
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

const runRequest = z.object({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD'),
  cutoffAt: z.string().datetime({ offset: true }).optional(),
});

app.http('varRun', {
  route: 'var/runs',
  methods: ['POST'],
  extraInputs: [df.input.durableClient()],
  handler: async (request: HttpRequest, context: InvocationContext) => {
    let body: unknown;
    try {
      body = await request.json();
    } catch {
      return { status: 400, jsonBody: { error: 'the body is not valid JSON', where: 'body' } };
    }
    const parsed = runRequest.safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      return { status: 400, jsonBody: { error: issue.message, where: issue.path.join('.') || 'body' } };
    }
    const config = loadConfig();
    if (!isBusinessDay(parsed.data.date, deskHolidays(config.var, parsed.data.date)))
      return { status: 400, jsonBody: { error: `${parsed.data.date} is not a business day`, where: 'date' } };
    const cutoffAt = parsed.data.cutoffAt ?? new Date(now() + config.var.cutoffHours * 3600_000).toISOString();
    const user = request.headers.get('x-ms-client-principal-name') ?? 'risk-ops';
    const { instanceId, duplicate } = await start(
      df.getClient(context),
      runFor(config, parsed.data.date, cutoffAt, user),
    );
    return { status: 202, jsonBody: { instanceId, duplicate } };
  },
});
