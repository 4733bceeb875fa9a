import { REVIEW_DECIDE_PATH, REVIEW_OPEN_PATH, tokenOfLink } from '../shared/review/link-opener';

export interface OpenedReview {
  status: number;
  html: string;
  /** The CSRF cookie the page set (`name=value`), to send back with the decision. */
  cookie: string;
  csrf: string;
  token: string;
  origin: string;
}

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

/** Opens a review link as the browser's opener page does: the token from the fragment, POSTed, never in a URL. */
export async function openReviewLink(url: string, headers: Record<string, string> = {}): Promise<OpenedReview> {
  const origin = new URL(url).origin;
  const token = tokenOfLink(url);
  const page = await fetch(`${origin}${REVIEW_OPEN_PATH}`, {
    method: 'POST',
    headers: { ...FORM, ...headers },
    body: new URLSearchParams({ t: token }).toString(),
  });
  const html = await page.text();
  return {
    status: page.status,
    html,
    cookie: page.headers.get('set-cookie')?.split(';')[0] ?? '',
    csrf: /name="csrf" value="([^"]+)"/.exec(html)?.[1] ?? '',
    token,
    origin,
  };
}

/** Posts a decision through an opened review, with its token, CSRF field and cookie. */
export async function postReviewDecision(
  opened: OpenedReview,
  fields: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${opened.origin}${REVIEW_DECIDE_PATH}`, {
    method: 'POST',
    headers: { ...FORM, cookie: opened.cookie, ...headers },
    body: new URLSearchParams({ t: opened.token, csrf: opened.csrf, ...fields }).toString(),
  });
}
