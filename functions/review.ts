import { app, type HttpRequest, type InvocationContext } from '@azure/functions';
import * as df from 'durable-functions';
import { loadConfig } from '../shared/config';
import { reviewPageCsp } from '../shared/review/csp';
import { escapeHtml, layout } from '../shared/review/html';
import { readOutbox } from '../shared/review/notifier';
import { ReviewService } from '../shared/review/service';
import { tableClient } from '../shared/storage/clients';
import { createReviewActivities } from '../workflows/review/activities';
import { draftsContainer, reviewDeps } from '../workflows/review/deps';
import {
  AUDIT_REVIEW,
  ISSUE_REVIEW_LINK,
  NOTIFY_REVIEWER,
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

async function reviewService(context: InvocationContext): Promise<ReviewService> {
  const config = loadConfig();
  const deps = await reviewDeps(config);
  const client = df.getClient(context);
  return new ReviewService({
    secret: deps.secret,
    links: deps.links,
    drafts: draftsContainer(config),
    audit: deps.audit,
    requirePrincipal: config.review.requirePrincipal,
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

app.http('reviewPage', {
  route: 'review/{token}',
  methods: ['GET', 'POST'],
  extraInputs: [df.input.durableClient()],
  handler: async (request: HttpRequest, context: InvocationContext) => {
    const service = await reviewService(context);
    const token = request.params.token ?? '';
    const principal = request.headers.get('x-ms-client-principal-name') ?? undefined;
    const action = `/api/review/${encodeURIComponent(token)}`;
    const page =
      request.method === 'POST'
        ? await service.decide(
            token,
            action,
            new URLSearchParams(await request.text()),
            cookies(request.headers.get('cookie')),
            principal,
          )
        : await service.open(token, action, principal);
    return {
      status: page.status,
      body: page.html,
      headers: {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
        'x-frame-options': 'DENY',
        'content-security-policy': reviewPageCsp(),
      },
      cookies: (page.cookies ?? []).map((c) => ({
        name: c.name,
        value: c.value,
        httpOnly: true,
        sameSite: 'Strict' as const,
        path: '/api/review',
      })),
    };
  },
});

app.http('reviewOutbox', {
  route: 'review',
  methods: ['GET'],
  handler: async () => {
    const config = loadConfig();
    if (config.environment !== 'local') return { status: 404 };
    const rows = await readOutbox(tableClient(config.storage, 'reviewoutbox'));
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
