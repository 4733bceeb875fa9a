import { app, type HttpRequest, type InvocationContext } from '@azure/functions';
import * as df from 'durable-functions';
import { type Config, loadConfig } from '../shared/config';
import { BODY_LIMITS, readBody } from '../shared/http/body';
import { callerOf } from '../shared/identity/caller';
import { reviewPageCsp } from '../shared/review/csp';
import { escapeHtml, layout } from '../shared/review/html';
import { linkOpenerPage, REVIEW_DECIDE_PATH } from '../shared/review/link-opener';
import { readOutbox } from '../shared/review/notifier';
import { messagePage } from '../shared/review/page';
import { type PageResponse, type ReviewerPrincipal, ReviewService } from '../shared/review/service';
import { tableClient } from '../shared/storage/clients';
import { createReviewActivities } from '../workflows/review/activities';
import { draftsContainer, reviewDeps } from '../workflows/review/deps';
import {
  AUDIT_REVIEW,
  ISSUE_REVIEW_LINK,
  NOTIFY_REVIEWER,
  OUTBOX_TABLE,
  REVIEW_ORCHESTRATOR,
  REVOKE_REVIEW_LINK,
} from '../workflows/review/names';
import { reviewOrchestrator } from '../workflows/review/orchestrator';
import { registerActivities } from './register-activities';

const activities = async () => createReviewActivities(await reviewDeps(loadConfig()));

df.app.orchestration(REVIEW_ORCHESTRATOR, reviewOrchestrator);
registerActivities(activities, {
  [ISSUE_REVIEW_LINK]: 'issueReviewLink',
  [NOTIFY_REVIEWER]: 'notifyReviewer',
  [REVOKE_REVIEW_LINK]: 'revokeReviewLink',
  [AUDIT_REVIEW]: 'auditReview',
});

async function reviewService(config: Config, context: InvocationContext): Promise<ReviewService> {
  const deps = await reviewDeps(config);
  const client = df.getClient(context);
  return new ReviewService({
    secret: deps.secret,
    links: deps.links,
    drafts: draftsContainer(config),
    audit: deps.audit,
    requirePrincipal: config.review.requirePrincipal,
    reviewerGroups: config.identity.reviewerGroups,
    decisions: {
      isWaiting: async (id) => {
        const status = await client.getStatus(id).catch(() => undefined);
        return (
          status?.runtimeStatus === df.OrchestrationRuntimeStatus.Running ||
          status?.runtimeStatus === df.OrchestrationRuntimeStatus.Pending
        );
      },
      raise: (id, event, data) => client.raiseEvent(id, event, data),
    },
  });
}

const cookies = (header: string | null) =>
  Object.fromEntries(
    (header ?? '')
      .split(';')
      .map((c) => c.trim().split('='))
      .filter((p) => p.length === 2) as [string, string][],
  );

/** The reviewer as App Service Authentication signed them in; nobody when it is not configured. */
function reviewerOf(request: HttpRequest, config: Config): ReviewerPrincipal | undefined {
  const who = callerOf(request.headers, config.identity, config.environment);
  const principal = who.ok ? who.caller.principal : undefined;
  return principal && { name: principal.name, groups: principal.groups };
}

function pageAnswer(page: PageResponse, config: Config) {
  return {
    status: page.status,
    body: page.html,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'x-frame-options': 'DENY',
      'referrer-policy': 'no-referrer',
      'content-security-policy': reviewPageCsp(),
    },
    cookies: (page.cookies ?? []).map((c) => ({
      name: c.name,
      value: c.value,
      httpOnly: true,
      secure: config.review.secureCookie,
      sameSite: 'Strict' as const,
      path: '/api/review',
    })),
  };
}

/** The form a review page posts: the token travels in it, never in the URL. */
async function formOf(request: HttpRequest): Promise<URLSearchParams | undefined> {
  const body = await readBody(request, BODY_LIMITS.reviewForm);
  return body.ok ? new URLSearchParams(body.value.toString('utf8')) : undefined;
}

const tooLarge = () => ({
  status: 413,
  body: messagePage('Form too large', `The form is larger than the limit of ${BODY_LIMITS.reviewForm} bytes.`),
  headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': reviewPageCsp() },
});

// Anonymous by design: the signed, single-use link is the credential (on Azure App Service Authentication also
// signs the reviewer in). GET shows only the opener, which posts the token from the link's fragment.
app.http('reviewOpen', {
  route: 'review/open',
  methods: ['GET', 'POST'],
  authLevel: 'anonymous',
  extraInputs: [df.input.durableClient()],
  handler: async (request: HttpRequest, context: InvocationContext) => {
    const config = loadConfig();
    if (request.method !== 'POST') return pageAnswer({ status: 200, html: linkOpenerPage() }, config);
    const form = await formOf(request);
    if (!form) return tooLarge();
    const service = await reviewService(config, context);
    return pageAnswer(await service.open(form.get('t') ?? '', REVIEW_DECIDE_PATH, reviewerOf(request, config)), config);
  },
});

app.http('reviewDecide', {
  route: 'review/decide',
  methods: ['POST'],
  authLevel: 'anonymous',
  extraInputs: [df.input.durableClient()],
  handler: async (request: HttpRequest, context: InvocationContext) => {
    const config = loadConfig();
    const form = await formOf(request);
    if (!form) return tooLarge();
    const service = await reviewService(config, context);
    const page = await service.decide(
      form.get('t') ?? '',
      REVIEW_DECIDE_PATH,
      form,
      cookies(request.headers.get('cookie')),
      reviewerOf(request, config),
    );
    return pageAnswer(page, config);
  },
});

// The local outbox shows every reviewer's links: an operator's view (admin key), and absent on Azure.
app.http('reviewOutbox', {
  route: 'review',
  methods: ['GET'],
  authLevel: 'admin',
  handler: async () => {
    const config = loadConfig();
    if (config.environment !== 'local') return { status: 404 };
    const rows = await readOutbox(tableClient(config.storage, OUTBOX_TABLE));
    const items = rows
      .map(
        (n) =>
          `<tr><td>${escapeHtml(n.at)}</td><td>${escapeHtml(n.kind)}</td><td>${escapeHtml(n.to)}</td><td>${escapeHtml(n.title)}</td><td>${n.url ? `<a href="${escapeHtml(n.url)}">open review</a>` : ''}</td></tr>`,
      )
      .join('');
    const body = `<h1>Local notification outbox</h1><p class="meta">What reviewers would receive (local stack only).</p><table><thead><tr><th scope="col">Sent</th><th scope="col">Kind</th><th scope="col">To</th><th scope="col">Subject</th><th scope="col">Link</th></tr></thead><tbody>${items}</tbody></table>`;
    return { status: 200, body: layout('Outbox', body), headers: { 'content-type': 'text/html; charset=utf-8' } };
  },
});
