import { layout } from './html';

/** Where review links point; the token follows in the fragment (`#t=...`), which browsers never send. */
export const REVIEW_OPEN_PATH = '/api/review/open';
export const REVIEW_DECIDE_PATH = '/api/review/decide';

export const reviewLinkUrl = (baseUrl: string, token: string) => `${baseUrl}${REVIEW_OPEN_PATH}#t=${token}`;

/** The token of a review link (its fragment), for clients that are not browsers (the CLI, tests). */
export function tokenOfLink(url: string): string {
  const fragment = new URL(url).hash.replace(/^#/, '');
  return new URLSearchParams(fragment).get('t') ?? '';
}

/** Moves the token from the fragment into the form and the form to the server; the address bar keeps no token. */
export const LINK_OPENER_SCRIPT =
  "(function(){var t=new URLSearchParams(location.hash.slice(1)).get('t');if(!t)return;history.replaceState(null,'',location.pathname);var f=document.getElementById('open-review');f.elements.t.value=t;f.submit();})();";

/**
 * What GET of a review link answers: no review, no token, nothing that changes state. The token stays in the
 * fragment, so request logs (App Insights keeps URLs for 365 days) never see it; the page POSTs it.
 */
export function linkOpenerPage(): string {
  return layout(
    'Opening review',
    `<h1>Opening your review…</h1>
<form id="open-review" method="post" action="${REVIEW_OPEN_PATH}">
<label for="t">Review code (the part of your link after <code>#t=</code>, if this page does not open by itself)</label>
<input type="text" id="t" name="t" autocomplete="off">
<div class="actions"><button type="submit">Open the review</button></div>
</form><script>${LINK_OPENER_SCRIPT}</script>`,
  );
}
