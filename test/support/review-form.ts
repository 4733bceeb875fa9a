/** Opens a review page like a browser (keeping its CSRF cookie) and posts the form with `fields`. */
export async function submitReview(url: string, fields: Record<string, string>) {
  const page = await fetch(url);
  const html = await page.text();
  const cookie = page.headers.get('set-cookie')?.split(';')[0] ?? '';
  const csrf = /name="csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
    body: new URLSearchParams({ csrf, ...fields }).toString(),
  });
  return { status: response.status, html: await response.text(), pageStatus: page.status, page: html };
}
