import { PDFDocument, StandardFonts } from 'pdf-lib';
import { type Extracted, pageOf } from './extract';
import { printable, wrapLine } from './pdf-lines';
import type { Span } from './types';

/** The Vaughn-style index: what was withheld where, under which exemption, why; never the withheld text. */
export function vaughnIndex(documentId: string, extracted: Extracted, spans: readonly Span[]): string {
  const rows = [
    ['document', 'item', 'page', 'location', 'category', 'exemption', 'justification', 'released_in_part'].join(','),
  ];
  const cell = (v: string | number) => (/[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
  [...spans]
    .sort((a, b) => a.start - b.start)
    .forEach((s, i) => {
      const first = pageOf(extracted.pages, s.start);
      const last = pageOf(extracted.pages, Math.max(s.start, s.end - 1));
      const line = extracted.text.slice(0, s.start).split('\n').length;
      rows.push(
        [
          documentId,
          i + 1,
          first === last ? first : `${first}-${last}`,
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

const TEXT_WIDTH = 720;

/** The same index as a printable PDF: one entry per withheld item, long entries wrapped onto indented lines. */
export async function vaughnIndexPdf(documentId: string, csv: string): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  let page = doc.addPage([792, 612]);
  let y = 570;
  page.drawText(printable(`Redaction index (Vaughn) - ${documentId}`), { x: 36, y, size: 13, font: bold });
  y -= 22;
  for (const [i, row] of csv.trim().split('\n').entries()) {
    const f = i === 0 ? bold : font;
    const pieces = wrapLine(printable(row), (piece) => f.widthOfTextAtSize(piece, 8) <= TEXT_WIDTH - 12);
    for (const [j, piece] of pieces.entries()) {
      if (y < 40) {
        page = doc.addPage([792, 612]);
        y = 570;
      }
      page.drawText(piece, { x: j === 0 ? 36 : 48, y, size: 8, font: f });
      y -= 12;
    }
  }
  return Buffer.from(await doc.save());
}
