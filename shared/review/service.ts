import type { ContainerClient } from '@azure/storage-blob';
import type { AuditSink } from '../audit/records';
import { now as appNow } from '../clock';
import { UserError } from '../errors';
import { parseDecision, REVIEW_EVENT, type ReviewDecisionEvent } from './decision';
import type { LinkStore } from './link-store';
import { messagePage, reviewPage } from './page';
import { refusalRecord, refusalTitle } from './refusal';
import { csrfToken, type LinkClaims, LinkRefused, sameToken, verifyLink } from './token';
import { viewFor } from './views';

/** The durable side of a decision: is the review still waiting, and hand it the decision. */
export interface DecisionSink {
  isWaiting(instanceId: string): Promise<boolean>;
  raise(instanceId: string, event: typeof REVIEW_EVENT, data: ReviewDecisionEvent): Promise<void>;
}

export interface ReviewServiceDeps {
  secret: string;
  links: LinkStore;
  drafts: ContainerClient;
  decisions: DecisionSink;
  audit: AuditSink;
  requirePrincipal: boolean;
  /** Entra group ids per pipeline whose members may review (from configuration, never from the request). */
  reviewerGroups?: Partial<Record<string, string>>;
  now?: () => number;
}

/** The signed-in reviewer as App Service Authentication vouches for them (absent without it). */
export interface ReviewerPrincipal {
  name: string;
  groups: string[];
}

export interface PageResponse {
  status: number;
  html: string;
  cookies?: { name: string; value: string }[];
}

const COOKIE = 'enclave_review_csrf';

/** Opening a review link and deciding through it: verify, show, decide — and change nothing when anything is off. */
export class ReviewService {
  readonly #now: () => number;
  constructor(private readonly deps: ReviewServiceDeps) {
    this.#now = deps.now ?? Date.now;
  }

  async #check(token: string, principal: ReviewerPrincipal | undefined) {
    // Expiry was set in orchestration time, so it is checked in that time; the reviewer's own times stay wall-clock.
    const claims = verifyLink(this.deps.secret, token, appNow());
    const link = await this.deps.links.get(claims.nonce);
    if (!link || link.instanceId !== claims.instanceId || link.reviewer !== claims.reviewer) {
      throw new LinkRefused(403, 'This review link was not issued by Enclave.', 'not-issued', claims);
    }
    if (link.state === 'consumed')
      throw new LinkRefused(
        410,
        `This review has already been decided (${link.decision ?? 'decision recorded'}). Nothing was changed.`,
        'already-decided',
        claims,
      );
    if (link.state === 'revoked')
      throw new LinkRefused(
        410,
        'This review link was withdrawn: the review passed to another reviewer. Nothing was changed.',
        'revoked',
        claims,
      );
    if (this.deps.requirePrincipal && principal?.name.toLowerCase() !== claims.reviewer.toLowerCase()) {
      throw new LinkRefused(
        403,
        'You are signed in as someone other than the reviewer this link was issued to.',
        'wrong-principal',
        claims,
      );
    }
    const group = this.deps.reviewerGroups?.[claims.pipeline];
    if (group && !principal?.groups.includes(group.toLowerCase()))
      throw new LinkRefused(
        403,
        `You are not in the ${claims.pipeline} reviewers' group.`,
        'not-in-reviewer-group',
        claims,
      );
    // The submitter never decides on its own submission, whoever the link names.
    const submitter = link.submittedBy?.toLowerCase();
    if (submitter && (submitter === claims.reviewer.toLowerCase() || submitter === principal?.name.toLowerCase()))
      throw new LinkRefused(
        403,
        'You submitted this item, so you cannot review it. Nothing was changed; it passes to the backup reviewer at the deadline.',
        'self-review',
        claims,
      );
    return { claims, link };
  }

  async #draft(link: { draftRef?: string }): Promise<unknown> {
    if (!link.draftRef) return { title: 'Review', text: '' };
    return JSON.parse((await this.deps.drafts.getBlockBlobClient(link.draftRef).downloadToBuffer()).toString('utf8'));
  }

  async open(token: string, action: string, principal?: ReviewerPrincipal): Promise<PageResponse> {
    try {
      const { claims, link } = await this.#check(token, principal);
      const draft = await this.#draft(link as { draftRef?: string });
      if (await this.deps.links.markOpened(claims.nonce, new Date(this.#now()).toISOString())) {
        await this.deps.audit.append({
          kind: 'review',
          timestamp: new Date(this.#now()).toISOString(),
          event: 'link-opened',
          pipeline: claims.pipeline,
          instanceId: claims.instanceId,
          subjectId: claims.reviewId,
          reviewer: claims.reviewer,
        });
      }
      const csrf = csrfToken(this.deps.secret, claims);
      return {
        status: 200,
        html: reviewPage({ claims, view: viewFor(claims.pipeline), draft, csrf, action, token }),
        cookies: [{ name: COOKIE, value: csrf }],
      };
    } catch (error) {
      return await this.#refused(error);
    }
  }

  async decide(
    token: string,
    action: string,
    form: URLSearchParams,
    cookies: Record<string, string>,
    principal?: ReviewerPrincipal,
  ): Promise<PageResponse> {
    let claims: LinkClaims;
    let link: { draftRef?: string; openedAt?: string };
    try {
      ({ claims, link } = await this.#check(token, principal));
    } catch (error) {
      return this.#refused(error);
    }
    const csrf = csrfToken(this.deps.secret, claims);
    if (!sameToken(form.get('csrf') ?? undefined, csrf) || !sameToken(cookies[COOKIE], csrf)) {
      const message = 'The form did not come from this review page (missing or wrong CSRF token). Open the link again.';
      return this.#refused(new LinkRefused(403, message, 'csrf', claims));
    }
    const view = viewFor(claims.pipeline);
    const draft = await this.#draft(link);
    let parsed: ReturnType<typeof parseDecision>;
    try {
      parsed = parseDecision(form, view, draft);
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      const page = reviewPage({
        claims,
        view,
        draft,
        csrf,
        action,
        token,
        error: { field: error.where, message: error.message.replace(`${error.where}: `, '') },
      });
      return { status: 400, html: page };
    }
    if (!(await this.deps.decisions.isWaiting(claims.instanceId))) {
      const message = 'This review is no longer waiting for a decision. Nothing was changed.';
      return this.#refused(new LinkRefused(410, message, 'review-closed', claims));
    }
    const now = new Date(this.#now()).toISOString();
    const consumed = await this.deps.links.consume(claims.nonce, parsed.decision, now);
    if (!consumed.ok) {
      const message = 'This review has already been decided. Nothing was changed.';
      return this.#refused(new LinkRefused(410, message, 'already-decided', claims));
    }
    const event: ReviewDecisionEvent = {
      reviewId: claims.reviewId,
      nonce: claims.nonce,
      reviewer: claims.reviewer,
      decidedAt: now,
      openedAt: link.openedAt,
      ...parsed,
    };
    try {
      await this.deps.decisions.raise(claims.instanceId, REVIEW_EVENT, event);
    } catch {
      return this.#undeliverable(claims, consumed.etag);
    }
    const labels = { approved: 'approved', modified: 'approved with your edits', rejected: 'sent back' };
    return {
      status: 200,
      html: messagePage(
        'Decision recorded',
        `Thank you. The ${claims.pipeline} review was ${labels[parsed.decision]}.`,
        'done',
      ),
    };
  }

  /** The link was used up but the event never left: give the link back so the reviewer can simply retry. */
  async #undeliverable(claims: LinkClaims, consumedEtag: string): Promise<PageResponse> {
    const reopened = await this.deps.links
      .reopen(claims.nonce, consumedEtag, new Date(this.#now()).toISOString())
      .catch(() => false);
    const text = reopened
      ? 'Your decision could not be handed to the workflow just now. Nothing was recorded and this link still works: try again in a minute.'
      : 'Your decision could not be handed to the workflow, and this link could not be restored. Nothing was recorded: ask for a new link.';
    return { status: 503, html: messagePage('Try again', text) };
  }

  async #refused(error: unknown): Promise<PageResponse> {
    if (!(error instanceof LinkRefused)) throw error;
    // Only links Enclave signed are audited: the page is public, and forged tokens would fill the WORM trail.
    if (error.claims)
      await this.deps.audit.append(refusalRecord(error.code, error.claims, new Date(this.#now()).toISOString()));
    return { status: error.status, html: messagePage(refusalTitle(error.code), error.message) };
  }
}
