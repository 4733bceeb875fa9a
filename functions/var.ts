import { app, type HttpRequest, type InvocationContext, type Timer } from '@azure/functions';
import * as df from 'durable-functions';
import { z } from 'zod';
import { loadConfig } from '../shared/config';
import { BODY_LIMITS, readJson, refusal } from '../shared/http/body';
import { authorise } from '../shared/identity/caller';
import { ROLES } from '../shared/identity/roles';
import { registerView } from '../shared/review/views';
import { varView } from '../shared/var/review-view';
import { VAR_TIMER } from '../shared/var/schedule';
import { createVarActivities } from '../workflows/var/activities';
import { varDeps } from '../workflows/var/deps';
import {
  ALERT_VAR,
  BUILD_VAR_NARRATIVE_REQUEST,
  CHECK_VAR_DATA,
  CHECK_VAR_NARRATIVE,
  COMPUTE_VAR_FACTS,
  PUBLISH_VAR_REPORT,
  RENDER_VAR_DRAFT,
  VAR_ORCHESTRATOR,
} from '../workflows/var/names';
import { varOrchestrator } from '../workflows/var/orchestrator';
import { startRunByHand, startScheduledRun } from '../workflows/var/start';
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

app.timer('varDaily', {
  schedule: VAR_TIMER,
  extraInputs: [df.input.durableClient()],
  handler: async (timer: Timer, context: InvocationContext) => {
    const last = timer.scheduleStatus?.last;
    const line = await startScheduledRun(loadConfig(), df.getClient(context), { last, isPastDue: timer.isPastDue });
    if (line) context.log(line);
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
  const ask = { ...body.value, actor, operator };
  const started = await startRunByHand(config, df.getClient(context), ask);
  return 'jsonBody' in started ? started : { status: 202, jsonBody: started };
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
