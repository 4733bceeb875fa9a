import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** What a reviewer link grants: one decision on one review of one instance, by one person, until a time. */
export interface LinkClaims {
  instanceId: string;
  reviewId: string;
  reviewer: string;
  pipeline: string;
  expiresAt: number;
  nonce: string;
}

/** Why a link was refused, as audited (never the token itself). */
export type RefusalCode =
  | 'malformed'
  | 'bad-signature'
  | 'expired'
  | 'not-issued'
  | 'already-decided'
  | 'revoked'
  | 'wrong-principal'
  | 'not-in-reviewer-group'
  | 'self-review'
  | 'csrf'
  | 'review-closed';

export class LinkRefused extends Error {
  override readonly name = 'LinkRefused';
  constructor(
    readonly status: 403 | 410,
    message: string,
    readonly code: RefusalCode,
    /** The link's claims when its signature verified; unverified claims are never trusted or recorded. */
    readonly claims?: LinkClaims,
  ) {
    super(message);
  }
}

const b64 = (data: Buffer | string) => Buffer.from(data).toString('base64url');
const mac = (secret: string, body: string) => createHmac('sha256', secret).update(body).digest();

/** `<claims>.<HMAC-SHA256>` in base64url; the nonce makes every link distinct and names its single-use record. */
export function signLink(
  secret: string,
  claims: Omit<LinkClaims, 'nonce'>,
  nonce = randomBytes(16).toString('hex'),
): string {
  const body = b64(JSON.stringify({ ...claims, nonce }));
  return `${body}.${b64(mac(secret, body))}`;
}

/** Verifies signature (constant time) and expiry; says plainly why a link is refused. */
export function verifyLink(secret: string, token: string, now: number): LinkClaims {
  const [body, signature, extra] = token.split('.');
  if (!body || !signature || extra !== undefined)
    throw new LinkRefused(403, 'This review link is malformed. Use the link from your notification.', 'malformed');
  const expected = mac(secret, body);
  const presented = Buffer.from(signature, 'base64url');
  if (presented.length !== expected.length || !timingSafeEqual(presented, expected)) {
    throw new LinkRefused(
      403,
      'This review link is not valid: its signature does not match. It may have been altered.',
      'bad-signature',
    );
  }
  let claims: LinkClaims;
  try {
    claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as LinkClaims;
  } catch {
    throw new LinkRefused(403, 'This review link is malformed.', 'malformed');
  }
  if (typeof claims.expiresAt !== 'number' || now > claims.expiresAt) {
    throw new LinkRefused(
      410,
      'This review link has expired. If the review is still open, a new link was sent to the current reviewer.',
      'expired',
      claims,
    );
  }
  return claims;
}

/** A CSRF token bound to one link: the form carries it and so does a SameSite cookie; both must match. */
export function csrfToken(secret: string, claims: LinkClaims): string {
  return b64(mac(secret, `csrf:${claims.nonce}:${claims.instanceId}`));
}

export function sameToken(a: string | undefined, b: string): boolean {
  if (!a) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
