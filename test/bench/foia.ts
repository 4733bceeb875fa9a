import { foiaRedactEngine } from '../../local/model/engines/foia';
import { detectRedactions } from '../../shared/foia/detect';
import { caseFile } from '../fixtures/foia/case-file';

/** Detection throughput on a 300-page document, patterns only and with the local model layer (chunked). */
export async function run(args: string[]): Promise<void> {
  const pages = Number(args[0] ?? 300);
  const text = caseFile(pages);
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
