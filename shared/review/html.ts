const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

const STYLE = `
:root{color-scheme:light;--ink:#1a1a1a;--muted:#4a4a4a;--line:#c8c8c8;--accent:#0b57d0;--warn:#8a1c00;--ok:#0a6b2f}
*{box-sizing:border-box}body{font:16px/1.5 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:var(--ink);margin:0;background:#fafafa}
main{max-width:60rem;margin:0 auto;padding:1.5rem}h1{font-size:1.5rem;margin:.2rem 0 1rem}h2{font-size:1.15rem;margin:1.5rem 0 .5rem}
.meta{color:var(--muted);margin:0 0 1rem}.card{background:#fff;border:1px solid var(--line);border-radius:.5rem;padding:1rem;margin:1rem 0}
label{display:block;font-weight:600;margin:.75rem 0 .25rem}textarea,input[type=text],select{width:100%;font:inherit;padding:.5rem;border:1px solid #767676;border-radius:.25rem}
textarea{min-height:6rem}.actions{display:flex;flex-wrap:wrap;gap:.75rem;margin-top:1rem}
button{font:inherit;padding:.6rem 1.2rem;border-radius:.3rem;border:2px solid var(--accent);background:var(--accent);color:#fff;cursor:pointer}
button.secondary{background:#fff;color:var(--accent)}button.danger{border-color:var(--warn);background:#fff;color:var(--warn)}
button:focus-visible,textarea:focus-visible,input:focus-visible,select:focus-visible{outline:3px solid #ffbf47;outline-offset:2px}
.critical{border-left:6px solid var(--warn);background:#fff4f0;padding:.75rem 1rem}.error{color:var(--warn);font-weight:600}
.done{border-left:6px solid var(--ok);background:#f0fff4;padding:.75rem 1rem}mark{background:#ffe08a;padding:0 .1rem}
table{border-collapse:collapse;width:100%}th,td{border:1px solid var(--line);padding:.35rem .5rem;text-align:left;vertical-align:top}
`;

/** The whole page: server-rendered, no script needed for approve/reject, keyboard and screen-reader friendly. */
export function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="referrer" content="no-referrer"><title>${escapeHtml(title)} — Enclave review</title><style>${STYLE}</style></head>
<body><main>${body}</main></body></html>`;
}
