import { foiaRedactEngine } from '../../local/model/engines/foia';
import { detectRedactions } from '../../shared/foia/detect';

const PAGE = [
  'Case file 2026-117, page {n}. Agent Maria Ruiz interviewed the witness, Carlos Mendez, at 1600 Elm Street, Springfield, IL 62704.',
  'The witness can be reached at (217) 555-0142 or carlos.mendez@example.com; SSN 123-45-6789 is on the intake form.',
  'In my opinion the team should wait for the audit before charging anyone. The supplier unit cost is proprietary.',
  'Routine logistics follow: shipments arrived on schedule, the warehouse inventory matched the manifest, and no damage was reported.',
  'The review board met twice this month to discuss staffing, training budgets and the upcoming facilities inspection at the harbor.',
].join('\n');

/** Detection throughput on a 300-page document, patterns only and with the local model layer (chunked). */
export async function run(args: string[]): Promise<void> {
  const pages = Number(args[0] ?? 300);
  const text = Array.from({ length: pages }, (_, n) => PAGE.replace('{n}', String(n + 1))).join('\n\f\n');
  const model = async (prompt: { messages: { role: 'system' | 'user'; content: string }[] }) =>
    JSON.parse((await foiaRedactEngine({ deployment: 'foia-redact', messages: prompt.messages })).content);
  for (const [label, options] of [
    ['patterns only', {}],
    ['patterns + local model layer', { model }],
  ] as const) {
    const before = process.memoryUsage().heapUsed;
    const t = performance.now();
    const spans = await detectRedactions(text, options);
    const seconds = (performance.now() - t) / 1000;
    console.log(
      JSON.stringify({
        bench: 'foia',
        layer: label,
        pages,
        characters: text.length,
        spans: spans.length,
        seconds: Number(seconds.toFixed(2)),
        pagesPerSecond: Math.round(pages / seconds),
        heapGrowthMb: Math.round((process.memoryUsage().heapUsed - before) / 1048576),
      }),
    );
  }
}
