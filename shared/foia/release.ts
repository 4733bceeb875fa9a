import { PDFDocument, StandardFonts } from 'pdf-lib';
import { type Extracted, pageOf } from './extract';
import type { Span } from './types';

/** The text with every redacted span replaced by its exemption marker (at the place of each deletion). */
export function redactText(text: string, spans: Span[]): string {
  let out = '';
  let at = 0;
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    if (s.start < at) continue;
    out += `${text.slice(at, s.start)}[${s.exemption}]`;
    at = s.end;
  }
  return out + text.slice(at);
}

/**
 * A new PDF generated from the redacted text, page by page as in the source. Nothing of the original file is
 * carried over (no metadata, annotations, attachments or hidden text), so the redacted words are gone.
 */
export async function redactedPdf(extracted: Extracted, spans: Span[]): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.setTitle('Released under FOIA');
  doc.setProducer('Enclave');
  doc.setCreator('Enclave');
  const font = await doc.embedFont(StandardFonts.Courier);
  const size = 9;
  for (const page of extracted.pages) {
    const pageSpans = spans
      .filter((s) => s.start >= page.start && s.start < page.end)
      .map((s) => ({ ...s, start: s.start - page.start, end: Math.min(s.end, page.end) - page.start }));
    const text = redactText(extracted.text.slice(page.start, page.end), pageSpans).replace(/[^\x20-\x7E\n]/g, '?');
    let pdfPage = doc.addPage([612, 792]);
    let y = 750;
    for (const raw of text.split('\n')) {
      const lines = raw.match(/.{1,95}(\s|$)|\S+/g) ?? [''];
      for (const line of lines) {
        if (y < 40) {
          pdfPage = doc.addPage([612, 792]);
          y = 750;
        }
        pdfPage.drawText(line.trimEnd(), { x: 40, y, size, font });
        y -= size + 3;
      }
    }
  }
  return Buffer.from(await doc.save());
}

/** The Vaughn-style index: what was withheld where, under which exemption, why; never the withheld text. */
export function vaughnIndex(documentId: string, extracted: Extracted, spans: Span[]): string {
  const rows = [
    ['document', 'item', 'page', 'location', 'category', 'exemption', 'justification', 'released_in_part'].join(','),
  ];
  const cell = (v: string | number) => (/[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
  [...spans]
    .sort((a, b) => a.start - b.start)
    .forEach((s, i) => {
      const page = pageOf(extracted.pages, s.start);
      const line = extracted.text.slice(0, s.start).split('\n').length;
      rows.push(
        [
          documentId,
          i + 1,
          page,
          `line ${line}, characters ${s.start}-${s.end}`,
          s.category,
          s.exemption,
          s.reason,
          'yes',
        ]
          .map(cell)
          .join(','),
      );
    });
  return `${rows.join('\n')}\n`;
}

/** The same index as a printable PDF table (one line per withheld item). */
export async function vaughnIndexPdf(documentId: string, csv: string): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  let page = doc.addPage([792, 612]);
  let y = 570;
  page.drawText(`Redaction index (Vaughn) - ${documentId}`.replace(/[^\x20-\x7E]/g, '?'), {
    x: 36,
    y,
    size: 13,
    font: bold,
  });
  y -= 22;
  for (const [i, line] of csv.trim().split('\n').entries()) {
    if (y < 40) {
      page = doc.addPage([792, 612]);
      y = 570;
    }
    page.drawText(line.replace(/[^\x20-\x7E]/g, '?').slice(0, 150), { x: 36, y, size: 8, font: i === 0 ? bold : font });
    y -= 12;
  }
  return Buffer.from(await doc.save());
}
