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
  /** Blob (in `review-drafts`) holding the draft the page shows. */
  draftRef?: string;
  /** When the reviewer first opened the link (reviewer time = decision − opened). */
  openedAt?: string;
  updatedAt: string;
}

export type ConsumeResult = { ok: true } | { ok: false; state: LinkState | 'unknown' };

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

  async issue(claims: LinkClaims, now: string, draftRef?: string): Promise<void> {
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
    return this.#transition(row, 'opened', now, undefined, { openedAt: now });
  }

  async consume(nonce: string, decision: string, now: string): Promise<ConsumeResult> {
    const row = await this.get(nonce);
    if (!row) return { ok: false, state: 'unknown' };
    if (row.state !== 'issued' && row.state !== 'opened') return { ok: false, state: row.state };
    const won = await this.#transition(row, 'consumed', now, decision);
    if (won) return { ok: true };
    return { ok: false, state: (await this.get(nonce))?.state ?? 'unknown' };
  }

  async revoke(nonce: string, now: string): Promise<void> {
    const row = await this.get(nonce);
    if (row && row.state !== 'consumed') await this.#transition(row, 'revoked', now);
  }

  async #transition(
    row: LinkRecord & { etag: string },
    state: LinkState,
    now: string,
    decision?: string,
    extra: Record<string, string> = {},
  ): Promise<boolean> {
    try {
      await this.table.updateEntity(
        { partitionKey: 'link', rowKey: row.nonce, state, updatedAt: now, ...(decision ? { decision } : {}), ...extra },
        'Merge',
        { etag: row.etag },
      );
      return true;
    } catch (error) {
      if ((error as { statusCode?: number }).statusCode === 412) return false;
      throw error;
    }
  }
}
