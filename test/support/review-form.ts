import { openReviewLink, postReviewDecision } from '../../cli/review-link';

export { openReviewLink } from '../../cli/review-link';

/** Opens a review link like a browser (token from the fragment, CSRF cookie kept) and posts the form with `fields`. */
export async function submitReview(url: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
  const opened = await openReviewLink(url, headers);
  const response = await postReviewDecision(opened, fields, headers);
  return { status: response.status, html: await response.text(), pageStatus: opened.status, page: opened.html };
}

/** The review page a link opens (what the reviewer sees), as HTML. */
export const reviewPageHtml = async (url: string) => (await openReviewLink(url)).html;
