import type { TableClient } from '@azure/data-tables';
import type { LinkClaims } from './token';

export type LinkState = 'issued' | 'opened' | 'consumed' | 'revoked';

export interface LinkRecord {
  nonce: string;
  instanceId: string;
  reviewId: string;
  reviewer: string;
  pipeline: string;
  state: LinkState;
  decision?: string;
  /** Who submitted the item under review: never its reviewer. */
  submittedBy?: string;
  /** Blob (in `review-drafts`) holding the draft the page shows. */
  draftRef?: string;
  /** When the reviewer first opened the link (reviewer time = decision − opened). */
  openedAt?: string;
  revokedAt?: string;
  updatedAt: string;
}

export type ConsumeResult = { ok: true; etag: string } | { ok: false; state: LinkState | 'unknown' };

/**
 * Single use, enforced by storage: a decision consumes the link with a conditional (ETag) update, so of two
 * concurrent posts exactly one wins; revocation (escalation) writes the same row.
 */
export class LinkStore {
  #ready: Promise<unknown> | undefined;
  constructor(private readonly table: TableClient) {}

  async #init(): Promise<void> {
    this.#ready ??= this.table.createTable();
    await this.#ready;
  }

  async issue(claims: LinkClaims, now: string, draftRef?: string, submittedBy?: string): Promise<void> {
    await this.#init();
    await this.table.createEntity({
      partitionKey: 'link',
      rowKey: claims.nonce,
      instanceId: claims.instanceId,
      reviewId: claims.reviewId,
      reviewer: claims.reviewer,
      pipeline: claims.pipeline,
      state: 'issued',
      updatedAt: now,
      ...(draftRef ? { draftRef } : {}),
      ...(submittedBy ? { submittedBy } : {}),
    });
  }

  async get(nonce: string): Promise<(LinkRecord & { etag: string }) | undefined> {
    await this.#init();
    try {
      const row = await this.table.getEntity<Omit<LinkRecord, 'nonce'>>('link', nonce);
      return { ...row, nonce, etag: String(row.etag) };
    } catch (error) {
      if ((error as { statusCode?: number }).statusCode === 404) return undefined;
      throw error;
    }
  }

  /** Marks the first opening; returns true only for that first one. */
  async markOpened(nonce: string, now: string): Promise<boolean> {
    const row = await this.get(nonce);
    if (row?.state !== 'issued') return false;
    return (await this.#transition(row, 'opened', now, undefined, { openedAt: now })) !== undefined;
  }

  async consume(nonce: string, decision: string, now: string): Promise<ConsumeResult> {
    const row = await this.get(nonce);
    if (!row) return { ok: false, state: 'unknown' };
    if (row.state !== 'issued' && row.state !== 'opened') return { ok: false, state: row.state };
    const etag = await this.#transition(row, 'consumed', now, decision);
    if (etag) return { ok: true, etag };
    return { ok: false, state: (await this.get(nonce))?.state ?? 'unknown' };
  }

  /**
   * Undoes a consume whose decision never reached the orchestration: back to opened, only if the row is still
   * exactly as that consume left it (a revocation since then wins).
   */
  async reopen(nonce: string, consumedEtag: string, now: string): Promise<boolean> {
    const row = await this.get(nonce);
    if (row?.state !== 'consumed' || row.etag !== consumedEtag) return false;
    const kept = {
      instanceId: row.instanceId,
      reviewId: row.reviewId,
      reviewer: row.reviewer,
      pipeline: row.pipeline,
      ...(row.draftRef ? { draftRef: row.draftRef } : {}),
      ...(row.openedAt ? { openedAt: row.openedAt } : {}),
    };
    return (await this.#transition(row, 'opened', now, undefined, {}, kept)) !== undefined;
  }

  async revoke(nonce: string, now: string): Promise<void> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const row = await this.get(nonce);
      if (!row || row.state === 'revoked' || row.revokedAt) return;
      // A consumed link stays consumed (its decision may be on its way), but the write moves its ETag, so a
      // decision whose event then fails to leave cannot reopen a link that was withdrawn meanwhile.
      const state = row.state === 'consumed' ? 'consumed' : 'revoked';
      if (await this.#transition(row, state, now, undefined, { revokedAt: now })) return;
    }
    throw new Error(`review link ${nonce.slice(0, 8)}… could not be withdrawn: it kept changing under five attempts`);
  }

  /** A conditional (ETag) write; the new ETag, or undefined when another writer got there first. */
  async #transition(
    row: LinkRecord & { etag: string },
    state: LinkState,
    now: string,
    decision?: string,
    extra: Record<string, string> = {},
    replaceWith?: Omit<LinkRecord, 'nonce' | 'updatedAt' | 'state'>,
  ): Promise<string | undefined> {
    const entity = { partitionKey: 'link', rowKey: row.nonce, ...replaceWith, state, updatedAt: now };
    try {
      const response = await this.table.updateEntity(
        { ...entity, ...(decision ? { decision } : {}), ...extra },
        replaceWith ? 'Replace' : 'Merge',
        { etag: row.etag },
      );
      return String(response.etag);
    } catch (error) {
      if ((error as { statusCode?: number }).statusCode === 412) return undefined;
      throw error;
    }
  }
}
